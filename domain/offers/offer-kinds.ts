// No zod here: the web app's first bundle reads these (labels), and its schemas load with the forms.
export const OFFER_KINDS = ['PURCHASE', 'BUYER'] as const;
