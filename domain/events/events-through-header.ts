// No zod here: the web app's first bundle reads it (events-mark.ts).
/**
 * Response header of every API answer: the newest event the server had streamed when it began the
 * answer. Anything read from the database after that is current up to it, so a stream resumed from
 * it (`?lastEventId=`) brings every change the answer could have missed.
 */
export const EVENTS_THROUGH_HEADER = 'X-Events-Through';
