// No zod here: the web app's first bundle reads these (labels), and its schemas load with the forms.
export const CALL_OUTCOMES = ['NO_ANSWER', 'VOICEMAIL', 'TALKED', 'NOT_INTERESTED', 'WRONG_NUMBER'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
