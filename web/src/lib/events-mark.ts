import { EVENTS_THROUGH_HEADER } from '../../../domain/events/live-event.schema';

// The newest event the server had streamed when it said who is signed in (GET /api/me or the
// sign-in). The signed-in shell asks for its data only after that answer, so a first stream that
// resumes from this mark brings every change that data could have missed: nothing needs a refetch.
let mark: number | null = null;

/** Keeps the mark of a who-is-signed-in answer. */
export function rememberEventsMark(headers: Headers): void {
  const value = Number(headers.get(EVENTS_THROUGH_HEADER) ?? Number.NaN);
  mark = Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** The mark, once: a later stream (a shell mounted again over older cached data) refetches instead. */
export function takeEventsMark(): number | null {
  const taken = mark;
  mark = null;
  return taken;
}
