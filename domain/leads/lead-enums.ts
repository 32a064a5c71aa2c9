// No zod here: the web app's first bundle reads these (labels), and its schemas load with the forms.
export const PROPERTY_TYPES = ['SFR', 'MULTI_FAMILY', 'CONDO', 'TOWNHOUSE', 'LAND', 'MOBILE', 'COMMERCIAL'] as const;
export const LEAD_SOURCES = [
  'DIRECT_MAIL', 'COLD_CALL', 'SMS', 'PPC', 'SEO', 'REFERRAL', 'DRIVING_FOR_DOLLARS', 'LIST_IMPORT', 'OTHER',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
