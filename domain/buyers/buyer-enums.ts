// No zod here: the web app's first bundle reads these (labels), and its schemas load with the forms.
export const BUYER_STATUSES = ['NEW', 'ACTIVE', 'INACTIVE'] as const;
export type BuyerStatus = (typeof BUYER_STATUSES)[number];
export const BUYER_STRATEGIES = ['FLIP', 'RENTAL', 'BRRRR', 'NEW_BUILD'] as const;
