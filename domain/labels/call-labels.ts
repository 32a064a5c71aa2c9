import type { CALL_OUTCOMES } from '../calls/call.schema';

/** A call's outcome as people say it. */
export const CALL_OUTCOME_LABELS: Record<(typeof CALL_OUTCOMES)[number], string> = {
  NO_ANSWER: 'No answer',
  VOICEMAIL: 'Left voicemail',
  TALKED: 'Talked',
  NOT_INTERESTED: 'Not interested',
  WRONG_NUMBER: 'Wrong number',
};
