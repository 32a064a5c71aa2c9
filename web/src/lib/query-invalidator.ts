import type { QueryKey } from '@tanstack/react-query';
import { minRefreshGapMs } from './stale-queries';

// A burst of events (a workflow writing a task, its assignment and a notification) refetches once.
const INVALIDATE_DELAY_MS = 25;

export interface QueryInvalidator {
  add(keys: readonly QueryKey[]): void;
  cancel(): void;
}

/**
 * Collects the queries live events make stale and invalidates each once per burst. A query with a
 * refresh gap (analytics) is invalidated at once when it was not in the last gap, otherwise once at
 * the gap's end however many events arrive meanwhile, so the last change still shows.
 */
export function createQueryInvalidator(
  invalidate: (key: QueryKey) => void,
  { delayMs = INVALIDATE_DELAY_MS, gapMsFor = minRefreshGapMs, now = () => Date.now() }: { delayMs?: number; gapMsFor?: (key: QueryKey) => number; now?: () => number } = {},
): QueryInvalidator {
  const pending = new Map<string, QueryKey>();
  const lastRun = new Map<string, number>();
  const later = new Map<string, ReturnType<typeof setTimeout>>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = (id: string, key: QueryKey) => {
    lastRun.set(id, now());
    invalidate(key);
  };
  const flush = () => {
    timer = undefined;
    for (const [id, key] of pending) run(id, key);
    pending.clear();
  };

  return {
    add(keys) {
      for (const key of keys) {
        const id = JSON.stringify(key);
        if (later.has(id)) continue;
        const last = lastRun.get(id);
        const wait = last === undefined ? 0 : last + gapMsFor(key) - now();
        if (wait <= 0 || pending.has(id)) {
          pending.set(id, key);
          continue;
        }
        later.set(
          id,
          setTimeout(() => {
            later.delete(id);
            run(id, key);
          }, wait),
        );
      }
      if (pending.size > 0) timer ??= setTimeout(flush, delayMs);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      for (const waiting of later.values()) clearTimeout(waiting);
      later.clear();
    },
  };
}
