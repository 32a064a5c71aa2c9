/**
 * Polls until `check` returns a value (not undefined/null/false), or fails after the timeout: a
 * generous one, since a CI machine under load (CI ran at load 15) can take tens of seconds for a workflow step.
 */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
