import type { DEAD_REASONS, LEAD_SOURCES, LEAD_STATUSES, PROPERTY_TYPES } from '../leads/lead.schema';

/** A lead's stage as people say it: "Offer made", not OFFER_MADE. */
export const LEAD_STATUS_LABELS: Record<(typeof LEAD_STATUSES)[number], string> = {
  NEW: 'New',
  CONTACTED: 'Contacted',
  QUALIFIED: 'Qualified',
  OFFER_MADE: 'Offer made',
  UNDER_CONTRACT: 'Under contract',
  CLOSED: 'Closed',
  DEAD: 'Dead',
};

export const PROPERTY_TYPE_LABELS: Record<(typeof PROPERTY_TYPES)[number], string> = {
  SFR: 'Single family',
  MULTI_FAMILY: 'Multi-family',
  CONDO: 'Condo',
  TOWNHOUSE: 'Townhouse',
  LAND: 'Land',
  MOBILE: 'Mobile home',
  COMMERCIAL: 'Commercial',
};

export const LEAD_SOURCE_LABELS: Record<(typeof LEAD_SOURCES)[number], string> = {
  DIRECT_MAIL: 'Direct mail',
  COLD_CALL: 'Cold call',
  SMS: 'SMS',
  PPC: 'Pay-per-click',
  SEO: 'Search (SEO)',
  REFERRAL: 'Referral',
  DRIVING_FOR_DOLLARS: 'Driving for dollars',
  LIST_IMPORT: 'List import',
  OTHER: 'Other',
};

export const DEAD_REASON_LABELS: Record<(typeof DEAD_REASONS)[number], string> = {
  ALREADY_SOLD: 'Already sold',
  NOT_MOTIVATED: 'Not motivated',
  PRICE_TOO_HIGH: 'Price too high',
  WRONG_NUMBER: 'Wrong number',
  LISTED_WITH_AGENT: 'Listed with an agent',
  OTHER: 'Other',
};
