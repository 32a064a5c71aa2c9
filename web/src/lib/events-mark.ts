import { EVENTS_THROUGH_HEADER } from '../../../domain/events/events-through-header';

// The newest event the server had streamed when it said who is signed in (GET /api/me or the
// sign-in). The signed-in shell asks for its data after that answer, so a first stream that
// resumes from this mark brings every change that data could have missed: nothing needs a refetch.
let mark: number | null = null;
// The oldest mark of the data sent for before that answer (early-requests.ts): the stream resumes from it when lower.
let earlyMark: number | null = null;
// Where the page's first stream resumed from (null: it refetched instead); undefined until it starts.
let streamFrom: number | null | undefined;
// The newest event the stream has delivered (always after streamFrom: a stream resumes after its mark).
let streamedThrough: number | null = null;

const markOf = (headers: Headers): number | null => {
  const value = Number(headers.get(EVENTS_THROUGH_HEADER) ?? Number.NaN);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
};

/** Keeps the mark of a who-is-signed-in answer. */
export function rememberEventsMark(headers: Headers): void {
  mark = markOf(headers);
}

/** An answer sent for early has arrived: the first stream, not started yet, must resume from its mark if that is older. */
export function lowerEventsMark(headers: Headers): void {
  const value = markOf(headers);
  if (streamFrom === undefined && value !== null) earlyMark = earlyMark === null ? value : Math.min(earlyMark, value);
}

/**
 * Whether the page may use an answer sent for early, as it takes it. Before the stream started,
 * yes: the stream resumes from its mark (lowerEventsMark). After, only when it is as new as every
 * event the stream has delivered: an event delivered before the page's query existed refreshed
 * nothing, so an answer read before that event would show its state for good (a CI run saw a
 * new lead's contact task stay "Created" on its page once the workflow had assigned it).
 */
export function isEarlyAnswerCurrent(headers: Headers): boolean {
  if (streamFrom === undefined) return true;
  const value = markOf(headers);
  return value !== null && streamFrom !== null && value >= (streamedThrough ?? streamFrom);
}

/** The stream delivered event `id`. */
export function noteStreamedEvent(id: number): void {
  if (streamedThrough === null || id > streamedThrough) streamedThrough = id;
}

/** The mark, once: a later stream (a shell mounted again over older cached data) refetches instead. */
export function takeEventsMark(): number | null {
  const taken = mark === null ? null : Math.min(mark, earlyMark ?? mark);
  if (streamFrom === undefined) streamFrom = taken;
  mark = null;
  earlyMark = null;
  return taken;
}
