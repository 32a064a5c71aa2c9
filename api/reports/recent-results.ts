const MAX_AGE_MS = 30_000;

/** Matching answers kept per route: one is 30–50 KB (50 whole records with their reasons), 10–14 KB as the pages ask. */
export const MATCH_ANSWERS_KEPT = 100;

/** A kept answer's key: a record's matches whole, or lean with `fields` (a lean answer is never served whole, nor a whole one lean). */
export const matchAnswerKey = (recordId: string, fields: readonly string[] | undefined): string => (fields ? `${recordId}?fields=${fields.join(',')}` : recordId);

/**
 * Results of read-only reports, kept while nothing has changed: an entry is served only while the
 * change mark (api/change-mark: the newest event streamed, every change writes one, and this
 * process's writes) is the one it was computed under, and for at most 30 seconds, which bounds
 * what a change made without an event (a bulk import) or by the clock (a proof of funds expiring) can hide.
 */
export function createRecentResults<T>(currentMark: () => number | string, maxEntries = 500) {
  const entries = new Map<string, { mark: number | string; at: number; value: Promise<T> }>();
  return async function remember(key: string, compute: () => Promise<T>): Promise<T> {
    const mark = currentMark();
    const now = Date.now();
    const entry = entries.get(key);
    if (entry && entry.mark === mark && now - entry.at < MAX_AGE_MS) return entry.value;
    const value = compute();
    // A mark equal to nothing (a write in progress): the result may miss it, and is not kept.
    if (mark !== mark) return value;
    entries.delete(key);
    entries.set(key, { mark, at: now, value });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    value.catch(() => entries.delete(key));
    return value;
  };
}
