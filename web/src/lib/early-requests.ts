import { isEarlyAnswerCurrent, lowerEventsMark } from './events-mark';

// An early answer not taken by then is dropped: the page was not the one it was sent for.
const KEPT_MS = 10_000;

const early = new Map<string, { sentAt: number; response: Promise<Response> }>();

/**
 * Sends a GET before the page asks for it (the page's data with its code, instead of after the
 * signed-in check and the render). Its events mark lowers the one the first stream resumes from,
 * so a change between this read and the sign-in answer still streams.
 */
export function sendEarly(path: string, init: RequestInit): void {
  if (early.has(path)) return;
  const response = fetch(path, init).then((answer) => {
    lowerEventsMark(answer.headers);
    return answer;
  });
  // Nobody may take it: a failure here is the page's own GET's to report.
  response.catch(() => undefined);
  early.set(path, { sentAt: Date.now(), response });
}

/**
 * The early answer for `path`, once: a later GET of the same path (a refetch) asks the server.
 * Undefined inside: an answer the live stream cannot bring up to date (see isEarlyAnswerCurrent).
 */
export function takeEarlyResponse(path: string): Promise<Response | undefined> | undefined {
  const entry = early.get(path);
  if (!entry) return undefined;
  early.delete(path);
  if (Date.now() - entry.sentAt > KEPT_MS) return undefined;
  return entry.response.then((answer) => (isEarlyAnswerCurrent(answer.headers) ? answer : undefined));
}
