import type { BUYER_STATUSES, BUYER_STRATEGIES } from '../buyers/buyer.schema';

export const BUYER_STATUS_LABELS: Record<(typeof BUYER_STATUSES)[number], string> = { NEW: 'New', ACTIVE: 'Active', INACTIVE: 'Inactive' };

export const BUYER_STRATEGY_LABELS: Record<(typeof BUYER_STRATEGIES)[number], string> = { FLIP: 'Flip', RENTAL: 'Rental', BRRRR: 'BRRRR', NEW_BUILD: 'New build' };
