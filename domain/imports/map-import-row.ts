import { z } from 'zod';
import { PROPERTY_TYPES, updateLeadInputSchema } from '../leads/lead.schema';
import {
  cleanText, isNoValue, isYes, parseBaths, parseCount, parseMoney, parsePercent, parsePhoneType, parsePropertyType, parseState, parseYear, parseZip, pickPhone,
  splitPhones, splitTags, titleCase, type ImportedPhone,
} from './clean-values';
import { IMPORT_FIELD_LABELS } from '../labels/import-labels';
import { distinctTags } from '../leads/distinct-tags';
import { splitFullAddress } from './full-address';
import { PHONE_SLOTS, type ImportField, type ImportMapping } from './import-fields';

/** A row as it becomes a lead (source, owner and import are the import's). */
export interface ImportedLead {
  sellerName: string;
  sellerPhone: string | null;
  sellerEmail: string | null;
  street: string;
  city: string;
  state: string;
  zip: string;
  zipPlus4: string | null;
  county: string | null;
  apn: string | null;
  mailingAddress: string | null;
  phones: ImportedPhone[];
  propertyType: (typeof PROPERTY_TYPES)[number];
  beds: number | null;
  baths: number | null;
  sqft: number | null;
  yearBuilt: number | null;
  arv: number | null;
  askingPrice: number | null;
  estimatedEquity: number | null;
  ltv: number | null;
  tags: string[];
}

export type MappedRow = { ok: true; lead: ImportedLead } | { ok: false; reason: string };

const email = z.email();

// What the lead form and PATCH /api/leads/:id allow: a lead imported past them could not be edited afterwards.
const fields = updateLeadInputSchema.shape;
const importedLeadLimits = z.object({
  sellerName: fields.sellerName,
  sellerPhone: fields.sellerPhone,
  street: fields.street,
  city: fields.city,
  beds: fields.beds,
  baths: fields.baths,
  sqft: fields.sqft,
  yearBuilt: fields.yearBuilt,
  arv: fields.arv,
  askingPrice: fields.askingPrice,
  tags: fields.tags,
});

const MONEY_FIELDS = ['askingPrice', 'arv', 'estimatedEquity'] as const;
type MoneyField = (typeof MONEY_FIELDS)[number];

/** The first value past the app's limits, as `beds 500: must be at most 100`; null when all are within them. */
function beyondLimits(lead: ImportedLead): string | null {
  const checked = importedLeadLimits.safeParse(lead);
  if (checked.success) return null;
  const [issue] = checked.error.issues;
  const [field] = issue!.path;
  const value = field === undefined ? undefined : lead[field as keyof ImportedLead];
  const shown = typeof value === 'number' ? ` ${value}` : typeof value === 'string' ? ` (${value.length} characters)` : '';
  return `${String(field)}${shown}: ${issue!.message}`;
}

/** The cleaned value of every column mapped to `field`, joined by a space (tags: each column's list). */
function valuesOf(row: Record<string, string>, byField: Map<ImportField, string[]>, field: ImportField): string {
  return (byField.get(field) ?? []).map((header) => cleanText(row[header])).filter(Boolean).join(' ');
}

/** The mapping turned around: field → its columns, computed once per file. */
export function fieldColumns(mapping: ImportMapping): Map<ImportField, string[]> {
  const byField = new Map<ImportField, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  return byField;
}

const fullName = (first: string, last: string): string => titleCase(cleanText(`${first} ${last}`));

/** A mailing address on one line, `PO Box 12, Dayton, OH 45401`; null when there is none. */
function mailingLine(get: (field: ImportField) => string): string | null {
  const street = [get('mailingStreet'), get('mailingUnit')].filter(Boolean).join(' ');
  if (!street) return null;
  const place = [get('mailingState'), get('mailingZip')].filter(Boolean).join(' ');
  return [street, get('mailingCity'), place].filter(Boolean).join(', ');
}

/**
 * One CSV row (column → raw value) → the lead it becomes, or why it cannot be imported
 * (`missing address`, `invalid zip "ABCDE"`, …). Pure: the same row always maps the same way.
 */
export function mapImportRow(row: Record<string, string>, byField: Map<ImportField, string[]>, extraTags: string[] = []): MappedRow {
  const own = (field: ImportField): string => valuesOf(row, byField, field);
  // The address columns of their own first; a one-line full address fills the ones left empty.
  const full = splitFullAddress(own('fullAddress'));
  const get = (field: ImportField): string => own(field) || (field === 'street' || field === 'city' || field === 'state' || field === 'zip' ? full[field] : '');
  const streetLine = get('street');
  if (!streetLine) return { ok: false, reason: 'missing address' };
  const unit = get('unit');
  const zip = parseZip(get('zip'));
  if (!zip) return { ok: false, reason: 'missing zip' };
  if ('error' in zip) return { ok: false, reason: zip.error };
  const city = get('city');
  if (!city) return { ok: false, reason: 'missing city' };
  const rawState = get('state');
  const state = parseState(rawState);
  if (!state) return { ok: false, reason: rawState ? `invalid state "${rawState}"` : 'missing state' };

  const owners = [fullName(get('owner1FirstName'), get('owner1LastName')), fullName(get('owner2FirstName'), get('owner2LastName'))].filter(Boolean);
  const company = get('ownerCompany');
  const sellerName = (get('sellerName') ? titleCase(get('sellerName')) : '') || (owners.length ? owners.join(' & ') : '') || company || 'Current Owner';

  const phones: ImportedPhone[] = [];
  for (const slot of PHONE_SLOTS) {
    for (const number of splitPhones(get(`phone${slot}`))) {
      if (phones.some((phone) => phone.number === number)) continue;
      phones.push({ number, type: parsePhoneType(get(`phone${slot}Type`)), dnc: isYes(get(`phone${slot}Dnc`)) });
    }
  }
  const emails = (['email1', 'email2', 'email3'] as const).map((field) => get(field).toLowerCase()).filter((value) => email.safeParse(value).success);

  const tags = distinctTags([...extraTags, ...(byField.get('tags') ?? []).flatMap((header) => splitTags(row[header]))]);
  const money = {} as Record<MoneyField, number | null>;
  for (const field of MONEY_FIELDS) {
    const text = get(field);
    money[field] = parseMoney(text);
    // A price the row gives but no one can read as dollars refuses the row (it comes back in the error rows to fix), rather than a lead without it.
    if (money[field] === null && !isNoValue(text)) return { ok: false, reason: `${IMPORT_FIELD_LABELS[field]} "${text}" is not an amount in dollars` };
  }
  const lead: ImportedLead = {
    sellerName,
    sellerPhone: pickPhone(phones),
    sellerEmail: emails[0] ?? null,
    street: withUnit(streetLine, unit),
    city: titleCase(city),
    state,
    zip: zip.zip,
    zipPlus4: zip.plus4,
    county: get('county') ? titleCase(get('county')) : null,
    apn: get('apn') || null,
    mailingAddress: mailingLine(get),
    phones,
    propertyType: parsePropertyType(get('propertyType')) ?? 'SFR',
    beds: parseCount(get('beds')),
    baths: parseBaths(get('baths')),
    sqft: parseCount(get('sqft')),
    yearBuilt: parseYear(get('yearBuilt')),
    arv: nonNegative(money.arv),
    askingPrice: nonNegative(money.askingPrice),
    estimatedEquity: money.estimatedEquity,
    ltv: parsePercent(get('ltv')),
    tags,
  };
  const refusal = beyondLimits(lead);
  return refusal ? { ok: false, reason: refusal } : { ok: true, lead };
}

const nonNegative = (value: number | null): number | null => (value !== null && value >= 0 ? value : null);

const UNIT_WORD = /^(#|apt|apartment|unit|suite|ste|lot|space|spc)\b/i;

/** The street line with the unit column: `77 Peña Court` + `4B` → `77 Peña Court #4B`; `Unit 3` kept as written; a unit already on the line not repeated. */
function withUnit(street: string, unit: string): string {
  if (!unit || /(#|\b(apt|unit|suite|ste)\b)/i.test(street)) return street;
  return UNIT_WORD.test(unit) ? `${street} ${unit}` : `${street} #${unit}`;
}
