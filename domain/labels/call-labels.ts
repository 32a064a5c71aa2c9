import type { CALL_OUTCOMES } from '../calls/call.schema';
import type { CALL_RETRY_DELAYS } from '../calls/next-call-attempt';

/** A call's outcome as people say it. */
export const CALL_OUTCOME_LABELS: Record<(typeof CALL_OUTCOMES)[number], string> = {
  NO_ANSWER: 'No answer',
  VOICEMAIL: 'Left voicemail',
  TALKED: 'Talked',
  NOT_INTERESTED: 'Not interested',
  WRONG_NUMBER: 'Wrong number',
};

/** When the next call attempt falls due after no answer or a voicemail (the Settings choice). */
export const CALL_RETRY_DELAY_LABELS: Record<(typeof CALL_RETRY_DELAYS)[number], string> = {
  '2h': '2 hours later',
  '4h': '4 hours later',
  'next-business-day': 'The next business day, same time',
  '2-business-days': 'Two business days later, same time',
};
