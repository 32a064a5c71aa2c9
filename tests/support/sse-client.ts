import { EventSource } from 'eventsource';

export interface ReceivedEvent {
  id: string;
  name: string;
  data: { entityType: string; entityId: string; entity: Record<string, unknown> } & Record<string, unknown>;
  receivedAt: number;
}

const NAMES = ['lead.created', 'task.created', 'task.assigned', 'task.overdue', 'notification.created'];

/**
 * An SSE client with the session cookie, collecting every event it receives (of `names`). It
 * reconnects by itself when the server ends the stream; `errors` holds each end or refusal (a
 * refused reconnect has the HTTP status as `code`, and leaves `readyState()` CLOSED).
 */
export function openEventStream(
  url: string,
  cookie: string,
  headers: Record<string, string> = {},
  names: readonly string[] = NAMES,
  /** Sees each response the stream opens with (the first and every reconnect). */
  onResponse?: (response: Response) => void,
) {
  const received: ReceivedEvent[] = [];
  const errors: Array<{ code?: number; message?: string }> = [];
  const waiters: Array<() => void> = [];
  const source = new EventSource(url, {
    fetch: async (input, init) => {
      const response = await fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie, ...headers } });
      onResponse?.(response);
      return response;
    },
  });
  const opened = new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = (error) => {
      errors.push({ code: error.code, message: error.message });
      reject(new Error(`SSE error: ${error.message ?? 'unknown'}`));
    };
  });
  for (const name of names) {
    source.addEventListener(name, (message) => {
      received.push({ id: message.lastEventId, name, data: JSON.parse(message.data as string), receivedAt: Date.now() });
      for (const wake of waiters.splice(0)) wake();
    });
  }

  async function waitFor(predicate: (event: ReceivedEvent) => boolean, timeoutMs = 15_000): Promise<ReceivedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = received.find(predicate);
      if (match) return match;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching SSE event within ${timeoutMs} ms; got: ${received.map((e) => e.name).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  return { received, errors, opened, waitFor, readyState: () => source.readyState, CLOSED: EventSource.CLOSED, close: () => source.close() };
}
