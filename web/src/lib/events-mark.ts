import { EVENTS_THROUGH_HEADER } from '../../../domain/events/live-event.schema';

// The newest event the server had streamed when it said who is signed in (GET /api/me or the
// sign-in). The signed-in shell asks for its data after that answer, so a first stream that
// resumes from this mark brings every change that data could have missed: nothing needs a refetch.
let mark: number | null = null;
// The oldest mark of the data sent for before that answer (early-requests.ts): the stream resumes from it when lower.
let earlyMark: number | null = null;
// Where the page's first stream resumed from (null: it refetched instead); undefined until it starts.
let streamFrom: number | null | undefined;

const markOf = (headers: Headers): number | null => {
  const value = Number(headers.get(EVENTS_THROUGH_HEADER) ?? Number.NaN);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
};

/** Keeps the mark of a who-is-signed-in answer. */
export function rememberEventsMark(headers: Headers): void {
  mark = markOf(headers);
}

/**
 * An answer sent for early: the first stream must resume from its mark if that is older. After the
 * stream started, false when the stream may have missed a change the answer lacks (it is dropped).
 */
export function lowerEventsMark(headers: Headers): boolean {
  const value = markOf(headers);
  if (streamFrom === undefined) {
    if (value !== null) earlyMark = earlyMark === null ? value : Math.min(earlyMark, value);
    return true;
  }
  return value !== null && streamFrom !== null && value >= streamFrom;
}

/** The mark, once: a later stream (a shell mounted again over older cached data) refetches instead. */
export function takeEventsMark(): number | null {
  const taken = mark === null ? null : Math.min(mark, earlyMark ?? mark);
  if (streamFrom === undefined) streamFrom = taken;
  mark = null;
  earlyMark = null;
  return taken;
}
