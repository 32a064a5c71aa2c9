import type { ImportField, IMPORT_PROVIDERS, IMPORT_STATUSES } from '../imports/import-fields';

export const IMPORT_STATUS_LABELS: Record<(typeof IMPORT_STATUSES)[number], string> = {
  QUEUED: 'Queued',
  RUNNING: 'Importing',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

export const IMPORT_PROVIDER_LABELS: Record<(typeof IMPORT_PROVIDERS)[number], string> = {
  PROPSTREAM: 'PropStream',
  DEALMACHINE: 'DealMachine',
  BATCHLEADS: 'BatchLeads',
};

const phoneLabels = (n: number) => ({
  [`phone${n}`]: `Phone ${n}`,
  [`phone${n}Type`]: `Phone ${n} type`,
  [`phone${n}Dnc`]: `Phone ${n} Do-Not-Call flag`,
});

/** What a CSV column becomes on a lead, in the mapping table's words. */
export const IMPORT_FIELD_LABELS = {
  street: 'Property address',
  fullAddress: 'Full address (one line)',
  unit: 'Unit',
  city: 'City',
  state: 'State',
  zip: 'Zip',
  county: 'County',
  apn: 'APN (parcel number)',
  sellerName: 'Seller name',
  owner1FirstName: 'Owner 1 first name',
  owner1LastName: 'Owner 1 last name',
  owner2FirstName: 'Owner 2 first name',
  owner2LastName: 'Owner 2 last name',
  ownerCompany: 'Owner company or trust',
  mailingStreet: 'Mailing address',
  mailingUnit: 'Mailing unit',
  mailingCity: 'Mailing city',
  mailingState: 'Mailing state',
  mailingZip: 'Mailing zip',
  ...phoneLabels(1),
  ...phoneLabels(2),
  ...phoneLabels(3),
  ...phoneLabels(4),
  ...phoneLabels(5),
  email1: 'Email 1',
  email2: 'Email 2',
  email3: 'Email 3',
  propertyType: 'Property type',
  beds: 'Bedrooms',
  baths: 'Bathrooms',
  sqft: 'Building sqft',
  yearBuilt: 'Year built',
  arv: 'ARV (estimated value)',
  estimatedEquity: 'Estimated equity',
  ltv: 'Loan-to-value',
  askingPrice: 'Asking price',
  tags: 'Tags (list names)',
} as Record<ImportField, string>;
