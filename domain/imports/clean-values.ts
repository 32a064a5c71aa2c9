import { phoneDigits } from '../buyers/buyer-key';
import { isPhoneNumber, PROPERTY_TYPES } from '../leads/lead.schema';
import { usStateCode } from '../places/us-states';

type PropertyType = (typeof PROPERTY_TYPES)[number];

/** Trimmed, inner spaces collapsed, NFC (accents kept as one character), the BOM, non-breaking spaces and control characters (NUL, BEL…) dropped. */
export const cleanText = (value: string | undefined | null): string =>
  (value ?? '')
    .replace(/[\uFEFF\u200B]/g, '')
    .replace(/\u00A0/g, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();

// What lists write in a cell that has no value: read as empty, never as an error.
const NO_VALUE = /^(n\/?a|none|null|unknown|tbd|-+|\?)$/i;

/** A cell with nothing in it, or only a "no value" word (`N/A`, `-`, `unknown`). */
export const isNoValue = (value: string | undefined | null): boolean => {
  const text = cleanText(value);
  return text === '' || NO_VALUE.test(text);
};

// Digits grouped the US way (`1,250,000.50`), the European way (`1.250.000,50`), or not at all
// (`1250000.5`). A lone comma before one or two digits (`125,50`) could be either: not read.
const US_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EU_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const UNGROUPED = /^\d+(?:\.\d+)?$/;

/** `1,250.5`, `1.250,5`, `1250.5` → `1250.5`; null when the digits' grouping is not one of those. */
function plainDecimal(text: string): string | null {
  if (US_GROUPED.test(text)) return text.replaceAll(',', '');
  if (EU_GROUPED.test(text)) return text.replaceAll('.', '').replace(',', '.');
  if (UNGROUPED.test(text)) return text;
  return null;
}

/**
 * `"$150,470"`, `150470.00`, `-$5,000`, `($5,000)`, `125.000` (grouped with dots), `150K`, `1.2M`
 * → whole dollars; null when blank or not one amount in dollars (`€125.000`, `100-150k`, `12%`):
 * a value is read as what it says or not at all, never as a different number.
 */
export function parseMoney(value: string | undefined | null): number | null {
  if (isNoValue(value)) return null;
  let text = cleanText(value).replace(/^(?:us\$|usd)|usd$/i, '').trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(/[$\s]/g, '');
  // `150K`, `1.2M`: the shorthand some lists (and people) write.
  const shorthand = /^(\d+(?:\.\d+)?)([km])$/i.exec(text);
  const digits = shorthand ? shorthand[1]! : plainDecimal(text);
  if (digits === null) return null;
  const amount = Math.round(Number(digits) * (shorthand ? { k: 1_000, m: 1_000_000 }[shorthand[2]!.toLowerCase() as 'k' | 'm'] : 1));
  if (!Number.isSafeInteger(amount)) return null;
  return negative && amount !== 0 ? -amount : amount;
}

/** `"45.5%"`, `"45.5"` → 45.5; a fraction without `%` (`0.455`) is read as a ratio → 45.5. */
export function parsePercent(value: string | undefined | null): number | null {
  const text = cleanText(value).replace(/\s/g, '');
  if (!text) return null;
  const hasSign = text.endsWith('%');
  const number = Number(text.replace(/[%,]/g, ''));
  if (!Number.isFinite(number)) return null;
  const percent = !hasSign && Math.abs(number) <= 1 && number !== 0 ? number * 100 : number;
  return Math.round(percent * 100) / 100;
}

/** A plain count (`"1,250"`, `"3.0"`) → integer; null when blank or not a number. */
export function parseCount(value: string | undefined | null): number | null {
  const text = cleanText(value).replace(/,/g, '');
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text));
}

/** Baths keep halves (`"2.5"`). */
export function parseBaths(value: string | undefined | null): number | null {
  const text = cleanText(value);
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 2) / 2;
}

/** `MM/DD/YYYY` (or `M/D/YY`) → `YYYY-MM-DD`; an ISO date passes; null otherwise. */
export function parseUsDate(value: string | undefined | null): string | null {
  const text = cleanText(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (!us) return null;
  const [, month, day, yearText] = us;
  const year = yearText!.length === 2 ? (Number(yearText) > 30 ? 1900 : 2000) + Number(yearText) : Number(yearText);
  const [m, d] = [Number(month), Number(day)];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A year (`1965`) or a date whose year it takes (`01/01/1965`). */
export function parseYear(value: string | undefined | null): number | null {
  const text = cleanText(value);
  const year = /^\d{4}$/.test(text) ? Number(text) : Number(parseUsDate(text)?.slice(0, 4));
  return Number.isInteger(year) && year >= 1700 && year <= 2100 ? year : null;
}

export type ZipResult = { zip: string; plus4: string | null } | { error: string } | null;

/**
 * `45402-1234` / `454021234` → zip 45402 + plus-4 1234; a ZIP whose leading zeros a spreadsheet
 * dropped (`2134`) gets them back; anything else is an error naming the value.
 */
export function parseZip(value: string | undefined | null): ZipResult {
  // `45402.0`: a ZIP a spreadsheet stored as a number.
  const text = cleanText(value).replace(/^(\d{3,5})\.0+$/, '$1');
  if (!text) return null;
  const match = /^(\d{3,5})(?:[-\s]?(\d{4}))?$/.exec(text);
  if (!match) return { error: `invalid zip "${text}"` };
  if (match[1]!.length < 5 && match[2]) return { error: `invalid zip "${text}"` };
  return { zip: match[1]!.padStart(5, '0'), plus4: match[2] ?? null };
}

/** A US state (or territory) as its two-letter code, from its code or its name in any case; null when it names none. */
export function parseState(value: string | undefined | null): string | null {
  return usStateCode(cleanText(value));
}

const PROPERTY_WORDS: Array<[RegExp, PropertyType]> = [
  [/mobile|manufactured/i, 'MOBILE'],
  [/vacant|land|lot\b|acre|agricultur/i, 'LAND'],
  [/condo/i, 'CONDO'],
  [/town ?house|townhome|row ?house/i, 'TOWNHOUSE'],
  [/duplex|triplex|quadplex|fourplex|multi|apartment|2-4|units/i, 'MULTI_FAMILY'],
  [/commercial|retail|office|industrial|warehouse|mixed/i, 'COMMERCIAL'],
  [/single|sfr|residential|house/i, 'SFR'],
];

/** A provider's property type words (`Single Family Residential`, `Duplex (2 units, any combination)`, …) → our type; null when unknown. */
export function parsePropertyType(value: string | undefined | null): PropertyType | null {
  const text = cleanText(value);
  if (!text) return null;
  return PROPERTY_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

export const PHONE_TYPES = ['MOBILE', 'LANDLINE', 'VOIP', 'OTHER'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];
export interface ImportedPhone {
  number: string;
  type: PhoneType;
  dnc: boolean;
}

export function parsePhoneType(value: string | undefined | null): PhoneType {
  const text = cleanText(value).toLowerCase();
  if (/mobile|cell|wireless/.test(text)) return 'MOBILE';
  if (/land|residential|fixed/.test(text)) return 'LANDLINE';
  if (/voip/.test(text)) return 'VOIP';
  return 'OTHER';
}

/** A DNC column's yes (`Y`, `Yes`, `True`, `1`, `DNC`, `Do Not Call`). */
export const isYes = (value: string | undefined | null): boolean => /^(y|yes|true|1|dnc|do not call|on dnc)$/i.test(cleanText(value));

/**
 * A phone as the app keeps it: a US number (10 digits, or 11 with the leading 1) as `(937) 555-0101`;
 * any other number a lead's phone may be (7 to 15 digits: a local number, `+44 20 7946 0958`) as
 * written; null when it is none. An extension (`x12`, `ext. 12`) is not part of the number to dial,
 * and `5551234567.0` is a number a spreadsheet stored as a float.
 */
export function formatPhone(value: string | undefined | null): string | null {
  const text = cleanText(value)
    .replace(/\s*(?:x|ext\.?|extension)\s*\d{1,6}$/i, '')
    .replace(/^(\d{7,15})\.0+$/, '$1');
  const digits = phoneDigits(text);
  if (digits.length === 10 && /^\+?[\d\s().-]+$/.test(text)) return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  return text.length <= 40 && isPhoneNumber(text) ? text : null;
}

/** The numbers in one cell: lists put two in one (`555-123-4567 / 555-987-6543`, `…; …`, `… or …`). */
export function splitPhones(value: string | undefined | null): string[] {
  return cleanText(value)
    .split(/\s*(?:[/;,|&]|\band\b|\bor\b)\s*/i)
    .map((part) => formatPhone(part))
    .filter((phone): phone is string => phone !== null);
}

/** The number to call: a mobile not on the Do-Not-Call list, else any number not on it, else none. */
export function pickPhone(phones: ImportedPhone[]): string | null {
  return (phones.find((phone) => phone.type === 'MOBILE' && !phone.dnc) ?? phones.find((phone) => !phone.dnc))?.number ?? null;
}

/** List names (`"Absentee; High Equity"`) → tags. */
export const splitTags = (value: string | undefined | null): string[] =>
  cleanText(value)
    .split(/[;,|]/)
    .map((tag) => tag.trim())
    .filter(Boolean)
    .map((tag) => tag.slice(0, 40));

// Words a name keeps in capitals: company forms, generations, and the trust and estate abbreviations lists use.
const CAPITAL_WORDS = new Set(['LLC', 'LLP', 'LLLP', 'LP', 'PLLC', 'PC', 'II', 'III', 'IV', 'USA', 'FBO', 'DBA', 'UTA', 'UTD', 'POA']);

/** `JOHN` → `John`, `MARY MCDONALD` → `Mary McDonald`, `ACME HOLDINGS LLC` → `Acme Holdings LLC`; mixed case is kept as typed. */
export function titleCase(value: string): string {
  if (value !== value.toUpperCase() && value !== value.toLowerCase()) return value;
  return value
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase())
    .replace(/(?<!\p{L})(Mc)(\p{Ll})/gu, (_, prefix: string, letter: string) => prefix + letter.toUpperCase())
    .replace(/(?<!\p{L})\p{L}+(?!\p{L})/gu, (word) => (CAPITAL_WORDS.has(word.toUpperCase()) ? word.toUpperCase() : word));
}
