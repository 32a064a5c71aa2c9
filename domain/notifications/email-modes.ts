// No zod here: the web app's first bundle reads these (labels), and its schemas load with the forms.
/** When a notification of a mailed category reaches the user's inbox too. */
export const EMAIL_MODES = ['IMMEDIATELY', 'DIGEST', 'NEVER'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
