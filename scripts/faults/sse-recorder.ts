import { EventSource } from 'eventsource';
import { EVENT_NAMES } from '../../domain/events/event-name';

export interface SseRecorder {
  /** Every Event id received, in arrival order (duplicates kept, so they can be found). */
  readonly ids: number[];
  /** How many times the stream was opened (the first time included). */
  opens(): number;
  waitForId(id: number, timeoutMs: number): Promise<boolean>;
  close(): void;
}

/**
 * One signed-in SSE client that keeps reconnecting while the API dies and comes back; the
 * `eventsource` package resends the last id it saw as `Last-Event-ID`, so the server resumes the
 * stream where it stopped. It listens to every event name the app emits.
 */
export function recordEventStream(url: string, cookie: string): SseRecorder {
  const ids: number[] = [];
  let opens = 0;
  const source = new EventSource(url, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
  });
  source.onopen = () => {
    opens += 1;
  };
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (message) => {
      ids.push(Number(message.lastEventId));
    });
  }

  return {
    ids,
    opens: () => opens,
    async waitForId(id, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (ids.length > 0 && Math.max(...ids.slice(-50)) >= id) return true;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return false;
    },
    close: () => source.close(),
  };
}
