/** What the API says of a due date before now that was not confirmed. */
export const PAST_DUE_ERROR = 'is in the past: confirm it with allowPastDue: true';
/** The same refusal in words, for the message people read. */
export const PAST_DUE_MESSAGE = 'The due date is in the past: confirm that it is meant to be, or choose a later one';

/**
 * A due date a person types may be in the past (logging work already late) only when they say
 * so: `allowPastDue`. Returns the problem with `dueAt`, or undefined when it may be saved.
 */
export function checkPastDue(dueAt: string, allowPastDue: boolean | undefined, now: Date): string | undefined {
  return Date.parse(dueAt) < now.getTime() && allowPastDue !== true ? PAST_DUE_ERROR : undefined;
}
