import { CLIENT_HEADER } from '../../domain/auth/client-header';

export interface AcknowledgedLead {
  key: string;
  sellerName: string;
  leadId: string;
  /** When the client sent the request that was acknowledged (its first attempt). */
  sentAt: number;
  ackedAt: number;
  attempts: number;
}

export interface IntakeResult {
  acknowledged: AcknowledgedLead[];
  /** Requests retried after a network error or a 5xx (a lost response, a dead API). */
  retries: number;
  /** Why requests were retried ("503", "TimeoutError", "ECONNREFUSED" …) and how often. */
  retryReasons: Record<string, number>;
  /** A second send of an already acknowledged key that answered another id. */
  duplicateAnswers: string[];
  failed: Array<{ key: string; error: string }>;
}

export interface IntakeOptions {
  appUrl: () => string;
  cookie: string;
  count: number;
  perSecond: number;
  /** Tag in every seller's name, so the checks find this run's leads. */
  runTag: string;
  /** Give up on one lead after this long of retrying. */
  giveUpMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function leadBody(index: number, runTag: string) {
  return {
    sellerName: `${runTag} Seller ${String(index).padStart(3, '0')}`,
    sellerPhone: `555-01${String(index % 100).padStart(2, '0')}`,
    street: `${100 + index} Fault Line Rd`,
    city: 'Dayton',
    state: 'OH',
    zip: '45402',
    askingPrice: 90_000 + index,
    source: 'OTHER',
    // Runs may share a data folder: the same street again is the test's doing, not a duplicate to refuse.
    allowDuplicate: true,
  };
}

/**
 * Posts `count` leads at `perSecond`, each with its own Idempotency-Key, and retries a lead with
 * the same key and body after a network error or a 5xx, as a careful client would when the
 * API dies under it (or answers 409 while the key's first attempt is still in flight). Every tenth acknowledged lead is sent once more on purpose: the answer
 * must be the same lead.
 */
export async function runIntake(options: IntakeOptions): Promise<IntakeResult> {
  const result: IntakeResult = { acknowledged: [], retries: 0, retryReasons: {}, duplicateAnswers: [], failed: [] };
  const noteRetry = (reason: string): void => {
    result.retries += 1;
    result.retryReasons[reason] = (result.retryReasons[reason] ?? 0) + 1;
  };

  const post = async (key: string, body: unknown): Promise<{ status: number; id?: string }> => {
    const response = await fetch(`${options.appUrl()}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'script', 'idempotency-key': key, cookie: options.cookie },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const json = (await response.json().catch(() => ({}))) as { id?: string };
    return { status: response.status, id: json.id };
  };

  const sendOne = async (index: number): Promise<void> => {
    const key = `${options.runTag}-lead-${index}`;
    const body = leadBody(index, options.runTag);
    const sentAt = Date.now();
    let attempts = 0;
    while (Date.now() - sentAt < options.giveUpMs) {
      attempts += 1;
      try {
        const answer = await post(key, body);
        if (answer.status === 201 && answer.id) {
          const acked: AcknowledgedLead = { key, sellerName: body.sellerName, leadId: answer.id, sentAt, ackedAt: Date.now(), attempts };
          result.acknowledged.push(acked);
          if (index % 10 === 0) {
            const again = await post(key, body).catch(() => null);
            if (again && again.id !== answer.id) result.duplicateAnswers.push(`${key}: ${answer.id} then ${again.status} ${again.id ?? ''}`);
          }
          return;
        }
        // 409: the first attempt of this key is still being answered (a slow or dying API).
        if (answer.status < 500 && answer.status !== 409) {
          result.failed.push({ key, error: `answered ${answer.status}` });
          return;
        }
        noteRetry(String(answer.status));
      } catch (error) {
        // A refused connection or a response lost with its API: the same key again.
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        noteRetry(cause ?? (error as Error).name);
      }
      await sleep(500);
    }
    result.failed.push({ key, error: `no answer within ${options.giveUpMs} ms` });
  };

  const inFlight: Array<Promise<void>> = [];
  const started = Date.now();
  for (let index = 0; index < options.count; index += 1) {
    const due = started + (index * 1000) / options.perSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    inFlight.push(sendOne(index));
  }
  await Promise.all(inFlight);
  return result;
}
