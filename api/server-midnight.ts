/** The start of today on the server's clock: "today" when the browser did not say where its day starts. */
export function serverMidnight(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}
