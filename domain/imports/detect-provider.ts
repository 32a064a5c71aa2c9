import type { ImportField, ImportMapping, ImportProvider } from './import-fields';

/**
 * A header as compared: lower case, words of camelCase and a number run into a word (`Phone1Type`,
 * `ownerFirstName`) apart, `_`, `.`, `#`, `-` and runs of spaces folded to one space.
 */
export const foldHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_.#\-/()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const phones = (name: (n: number) => [string, string, string]): Record<string, ImportField> =>
  Object.fromEntries(
    [1, 2, 3, 4, 5].flatMap((n) => {
      const [phone, type, dnc] = name(n);
      return [
        [phone, `phone${n}`],
        [type, `phone${n}Type`],
        [dnc, `phone${n}Dnc`],
      ];
    }),
  ) as Record<string, ImportField>;

/** PropStream's property export (with its skip-trace columns), as the web app names its columns. */
const PROPSTREAM: Record<string, ImportField | null> = {
  'Address': 'street', 'Unit #': 'unit', 'City': 'city', 'State': 'state', 'Zip': 'zip', 'County': 'county', 'APN': 'apn',
  'Owner 1 First Name': 'owner1FirstName', 'Owner 1 Last Name': 'owner1LastName', 'Owner 2 First Name': 'owner2FirstName', 'Owner 2 Last Name': 'owner2LastName',
  'Mailing Care of Name': null, 'Mailing Address': 'mailingStreet', 'Mailing Unit #': 'mailingUnit', 'Mailing City': 'mailingCity', 'Mailing State': 'mailingState', 'Mailing Zip': 'mailingZip',
  'Property Type': 'propertyType', 'Bedrooms': 'beds', 'Total Bathrooms': 'baths', 'Building Sqft': 'sqft', 'Effective Year Built': 'yearBuilt',
  'Est. Value': 'arv', 'Est. Equity': 'estimatedEquity', 'Est. Loan-to-Value': 'ltv', 'Marketing Lists': 'tags',
  'Owner Occupied': null, 'Do Not Mail': null, 'Lot Size Sqft': null, 'Total Assessed Value': null, 'Last Sale Recording Date': null, 'Last Sale Amount': null,
  'Total Open Loans': null, 'Est. Remaining balance of Open Loans': null, 'MLS Status': null, 'MLS Date': null, 'MLS Amount': null, 'Date Added to List': null,
  ...phones((n) => [`Phone ${n}`, `Phone ${n} Type`, `Phone ${n} DNC`]),
  'Email 1': 'email1', 'Email 2': 'email2', 'Email 3': 'email3',
};

/** DealMachine's lead export (snake_case columns). */
const DEALMACHINE: Record<string, ImportField | null> = {
  'property_address_line_1': 'street', 'property_address_line_2': 'unit', 'property_address_city': 'city', 'property_address_state': 'state',
  'property_address_zipcode': 'zip', 'property_address_county': 'county', 'property_address_full': 'fullAddress', 'apn_parcel_id': 'apn',
  'owner_1_firstname': 'owner1FirstName', 'owner_1_lastname': 'owner1LastName', 'owner_2_firstname': 'owner2FirstName', 'owner_2_lastname': 'owner2LastName',
  'owner_1_name': null, 'owner_company_name': 'ownerCompany',
  'owner_address_line_1': 'mailingStreet', 'owner_address_line_2': 'mailingUnit', 'owner_address_city': 'mailingCity', 'owner_address_state': 'mailingState', 'owner_address_zip': 'mailingZip',
  'property_type': 'propertyType', 'total_bedrooms': 'beds', 'total_baths': 'baths', 'building_square_feet': 'sqft', 'year_built': 'yearBuilt',
  'estimated_value': 'arv', 'equity_amount': 'estimatedEquity', 'equity_percent': null, 'ltv': 'ltv', 'lists': 'tags', 'tags': 'tags', 'lead_status': null, 'date_created': null,
  ...phones((n) => [`phone_${n}`, `phone_${n}_type`, `phone_${n}_do_not_call`]),
  'email_address_1': 'email1', 'email_address_2': 'email2', 'email_address_3': 'email3',
};

/** BatchLeads' property export with skip-trace results. */
const BATCHLEADS: Record<string, ImportField | null> = {
  'Property Address': 'street', 'Property Unit': 'unit', 'Property City': 'city', 'Property State': 'state', 'Property Zip': 'zip', 'Property County': 'county', 'APN': 'apn',
  'Owner First Name': 'owner1FirstName', 'Owner Last Name': 'owner1LastName', 'Owner 2 First Name': 'owner2FirstName', 'Owner 2 Last Name': 'owner2LastName', 'Owner Company Name': 'ownerCompany',
  'Mailing Address': 'mailingStreet', 'Mailing Unit': 'mailingUnit', 'Mailing City': 'mailingCity', 'Mailing State': 'mailingState', 'Mailing Zip': 'mailingZip',
  'Property Type Detail': 'propertyType', 'Bedrooms': 'beds', 'Bathrooms': 'baths', 'Building Sqft': 'sqft', 'Year Built': 'yearBuilt',
  'Estimated Value': 'arv', 'Equity Current Estimated Balance': 'estimatedEquity', 'Loan To Value Ratio': 'ltv', 'List Name': 'tags',
  'Vacant': null, 'Absentee Owner': null, 'Last Sale Date': null, 'Last Sale Price': null, 'Equity Percent': null,
  ...phones((n) => [`Phone ${n}`, `Phone ${n} Type`, `Phone ${n} DNC`]),
  'Email 1': 'email1', 'Email 2': 'email2', 'Email 3': 'email3',
};

const PROVIDERS: Record<ImportProvider, Record<string, ImportField | null>> = { PROPSTREAM, DEALMACHINE, BATCHLEADS };

/** Headers only one provider writes: a file is that provider's when it has at least two of them. */
const SIGNATURES: Record<ImportProvider, string[]> = {
  PROPSTREAM: ['Owner 1 First Name', 'Est. Equity', 'Est. Value', 'Marketing Lists', 'Est. Loan-to-Value', 'Effective Year Built', 'Unit #'],
  DEALMACHINE: ['property_address_line_1', 'property_address_zipcode', 'owner_1_firstname', 'phone_1_do_not_call', 'building_square_feet', 'property_address_full'],
  BATCHLEADS: ['Property Address', 'Property Zip', 'Owner First Name', 'Equity Current Estimated Balance', 'Loan To Value Ratio', 'Property Type Detail'],
};

const folded = (table: Record<string, ImportField | null>): Map<string, ImportField | null> => new Map(Object.entries(table).map(([header, field]) => [foldHeader(header), field]));
const FOLDED = Object.fromEntries(Object.entries(PROVIDERS).map(([provider, table]) => [provider, folded(table)])) as Record<ImportProvider, Map<string, ImportField | null>>;

/** Common spellings of any other export (or a hand-made sheet). */
const GENERIC = folded({
  'street': 'street', 'address': 'street', 'property address': 'street', 'street address': 'street', 'site address': 'street', 'address line 1': 'street',
  'full address': 'fullAddress', 'property full address': 'fullAddress', 'full property address': 'fullAddress', 'property address full': 'fullAddress', 'site address full': 'fullAddress',
  'unit': 'unit', 'apt': 'unit', 'city': 'city', 'property city': 'city', 'state': 'state', 'property state': 'state',
  'zip': 'zip', 'zip code': 'zip', 'zipcode': 'zip', 'postal code': 'zip', 'property zip': 'zip', 'county': 'county', 'apn': 'apn', 'parcel number': 'apn',
  'owner name': 'sellerName', 'owner': 'sellerName', 'seller name': 'sellerName', 'name': 'sellerName', 'full name': 'sellerName',
  'first name': 'owner1FirstName', 'last name': 'owner1LastName', 'company': 'ownerCompany',
  'phone': 'phone1', 'phone number': 'phone1', 'mobile': 'phone1', 'email': 'email1', 'email address': 'email1',
  'property type': 'propertyType', 'beds': 'beds', 'bedrooms': 'beds', 'baths': 'baths', 'bathrooms': 'baths', 'sqft': 'sqft', 'square feet': 'sqft', 'living area': 'sqft',
  'year built': 'yearBuilt', 'estimated value': 'arv', 'arv': 'arv', 'asking price': 'askingPrice', 'tags': 'tags', 'list': 'tags', 'list name': 'tags',
  'mailing address': 'mailingStreet', 'mailing city': 'mailingCity', 'mailing state': 'mailingState', 'mailing zip': 'mailingZip',
  'equity': 'estimatedEquity', 'estimated equity': 'estimatedEquity', 'ltv': 'ltv', 'loan to value': 'ltv',
  // Other wordings hand-made sheets and CRMs' exports use.
  'situs address': 'street', 'town': 'city', 'st': 'state', 'seller': 'sellerName', 'cell': 'phone1', 'cell phone': 'phone1', 'mobile phone': 'phone1',
  'e-mail': 'email1', 'bed': 'beds', 'bath': 'baths', 'sq ft': 'sqft', 'yr built': 'yearBuilt', 'est value': 'arv', 'est. value': 'arv',
  'price': 'askingPrice', 'list price': 'askingPrice', 'asking': 'askingPrice',
});

/** Which provider wrote this header row, or null when none is recognised. */
export function detectProvider(headers: string[]): ImportProvider | null {
  const present = new Set(headers.map(foldHeader));
  let best: { provider: ImportProvider; hits: number } | null = null;
  for (const [provider, signature] of Object.entries(SIGNATURES) as Array<[ImportProvider, string[]]>) {
    const hits = signature.filter((header) => present.has(foldHeader(header))).length;
    if (hits >= 2 && (!best || hits > best.hits)) best = { provider, hits };
  }
  return best?.provider ?? null;
}

/** Each column's lead field: the provider's own names first, then common spellings; each field taken once. */
export function suggestMapping(headers: string[], provider: ImportProvider | null): ImportMapping {
  const taken = new Set<ImportField>();
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const key = foldHeader(header);
    const own = provider ? FOLDED[provider].get(key) : undefined;
    const field = own !== undefined ? own : (GENERIC.get(key) ?? null);
    // `tags` may come from several list columns; every other field from one.
    if (field && taken.has(field) && field !== 'tags') {
      mapping[header] = null;
      continue;
    }
    if (field) taken.add(field);
    mapping[header] = field;
  }
  return mapping;
}

/**
 * The fields a mapping needs that it lacks (`street`, `zip`), in words for the refusal. A column of
 * one-line full addresses stands in for either: its rows carry both.
 */
export function missingRequiredFields(mapping: ImportMapping): Array<'street' | 'zip'> {
  const fields = new Set(Object.values(mapping));
  if (fields.has('fullAddress')) return [];
  return (['street', 'zip'] as const).filter((field) => !fields.has(field));
}

export const PROVIDER_HEADERS = PROVIDERS;
