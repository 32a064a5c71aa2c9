const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 500;

/**
 * Results of read-only reports, kept while nothing has changed: an entry is served only while
 * no event has been streamed since it was computed (every change writes one) and for at most
 * 30 seconds, which bounds what a change made without an event (a bulk import) can hide.
 */
export function createRecentResults<T>(currentEventId: () => number) {
  const entries = new Map<string, { eventId: number; at: number; value: Promise<T> }>();
  return async function remember(key: string, compute: () => Promise<T>): Promise<T> {
    const eventId = currentEventId();
    const now = Date.now();
    const entry = entries.get(key);
    if (entry && entry.eventId === eventId && now - entry.at < MAX_AGE_MS) return entry.value;
    const value = compute();
    entries.delete(key);
    entries.set(key, { eventId, at: now, value });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    value.catch(() => entries.delete(key));
    return value;
  };
}
