/** The HTTP header a request id comes in and goes back out with. */
export const REQUEST_ID_HTTP_HEADER = 'X-Request-Id';

/** The Temporal header (on workflow starts, signals, updates and the activities they schedule) that carries it. */
export const REQUEST_ID_TEMPORAL_HEADER = 'requestId';

// Letters, digits and the punctuation of UUIDs, ULIDs and trace ids: nothing a log line or a header could be bent with.
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Whether an incoming `X-Request-Id` may be kept as the request's id: 1–128 characters of
 * letters, digits, `.`, `_`, `:` and `-`, starting with a letter or digit. Anything else (too
 * long, spaces, control characters, several values) is replaced by a generated id.
 */
export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value);
}
