import path from 'node:path';
import { readImportHead } from '../../db/import-files';
import { formatPhone, parseMoney, parsePercent, parsePropertyType, parseUsDate, parseYear, parseZip, pickPhone } from '../../domain/imports/clean-values';
import { detectProvider, missingRequiredFields, suggestMapping } from '../../domain/imports/detect-provider';
import { fieldColumns, mapImportRow, type ImportedLead } from '../../domain/imports/map-import-row';

jest.setTimeout(180_000);

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'imports', name);

async function importFixture(name: string) {
  const { headers, rows } = await readImportHead(fixture(name), 100);
  const provider = detectProvider(headers);
  const mapping = suggestMapping(headers, provider);
  const byField = fieldColumns(mapping);
  return { headers, provider, mapping, rows: rows.map((row) => ({ rowNumber: row.rowNumber, ...mapImportRow(row.values, byField, ['Imported']) })) };
}
const leadOf = (row: { ok: boolean; lead?: ImportedLead }) => {
  if (!row.ok || !row.lead) throw new Error('row not imported');
  return row.lead;
};

describe('provider recognition', () => {
  it.each([
    ['propstream.csv', 'PROPSTREAM'],
    ['dealmachine.csv', 'DEALMACHINE'],
    ['batchleads.csv', 'BATCHLEADS'],
  ])('%s is a %s export, mapped to an address and a zip', async (name, provider) => {
    const result = await importFixture(name);
    expect(result.provider).toBe(provider);
    expect(missingRequiredFields(result.mapping)).toEqual([]);
  });

  it('an unknown sheet gets common spellings and no provider; a sheet without an address names what is missing', () => {
    expect(detectProvider(['Street Address', 'City', 'Zip Code'])).toBeNull();
    expect(suggestMapping(['Street Address', 'City', 'Zip Code', 'Notes'], null)).toEqual({ 'Street Address': 'street', City: 'city', 'Zip Code': 'zip', Notes: null });
    expect(missingRequiredFields(suggestMapping(['Owner', 'Phone'], null))).toEqual(['street', 'zip']);
  });
});

describe('PropStream rows', () => {
  it('cleans money, percentages, zip+4, owner names, phones and list names; skips the empty row', async () => {
    const { rows } = await importFixture('propstream.csv');
    expect(rows).toHaveLength(6);
    const first = leadOf(rows[0]!);
    expect(first).toMatchObject({
      sellerName: 'John Smith & Jane Smith',
      street: '123 North Main Street',
      city: 'Dayton',
      state: 'OH',
      zip: '45402',
      zipPlus4: '1234',
      county: 'Montgomery',
      apn: 'R72 00512 0034',
      mailingAddress: 'PO Box 12, Dayton, OH 45401',
      propertyType: 'SFR',
      beds: 3,
      baths: 1.5,
      sqft: 1250,
      yearBuilt: 1965,
      arv: 150_470,
      estimatedEquity: 82_000,
      ltv: 45.5,
      sellerEmail: 'jsmith@example.com',
      // The mobile is on the Do-Not-Call list: the landline is the one to call; both are kept.
      sellerPhone: '(937) 555-0101',
      tags: ['Imported', 'Absentee Owners', 'High Equity'],
    });
    expect(first.phones).toEqual([
      { number: '(937) 555-0101', type: 'LANDLINE', dnc: false },
      { number: '(937) 555-0102', type: 'MOBILE', dnc: true },
    ]);
  });

  it('keeps accents and the unit, reads a trust as the seller and a date as the year built', async () => {
    const { rows } = await importFixture('propstream.csv');
    expect(leadOf(rows[1]!)).toMatchObject({ sellerName: 'García Family Trust', street: '77 Peña Court #4B', state: 'OH', propertyType: 'MULTI_FAMILY', yearBuilt: 1978, ltv: 0, sellerPhone: '(937) 555-0201' });
  });

  it('refuses a bad zip and a missing address with the reason, and reads a quoted newline and negative equity', async () => {
    const { rows } = await importFixture('propstream.csv');
    expect(rows[2]).toMatchObject({ ok: false, reason: 'invalid zip "ABCDE"' });
    expect(rows[3]).toMatchObject({ ok: false, reason: 'missing address' });
    expect(leadOf(rows[4]!)).toMatchObject({ propertyType: 'MOBILE', estimatedEquity: -5000, sellerPhone: '(937) 555-0302' });
  });
});

describe('DealMachine and BatchLeads rows', () => {
  it('DealMachine: company owner, nine-digit zip, unit column, ratio LTV, comma-separated lists', async () => {
    const { rows } = await importFixture('dealmachine.csv');
    expect(leadOf(rows[0]!)).toMatchObject({ sellerName: 'GEM CITY HOLDINGS LLC', zip: '45402', zipPlus4: '1111', propertyType: 'MULTI_FAMILY', sqft: 3100, arv: 240_000, ltv: 58, sellerPhone: '(937) 555-0402' });
    expect(leadOf(rows[1]!)).toMatchObject({ sellerName: 'Maria Lopez', street: '88 Lakeview Drive Unit 3', propertyType: 'TOWNHOUSE', baths: 2.5, ltv: 72, tags: ['Imported', 'Pre-Foreclosure', 'Vacant'] });
  });

  it('BatchLeads: owner names, a trust, vacant land', async () => {
    const { rows } = await importFixture('batchleads.csv');
    expect(leadOf(rows[0]!)).toMatchObject({ sellerName: 'Lee Nguyen', arv: 120_000, estimatedEquity: 60_000, ltv: 50, sellerPhone: '(937) 555-0501', tags: ['Imported', 'High Equity'] });
    expect(leadOf(rows[1]!)).toMatchObject({ sellerName: 'Smith Revocable Trust', propertyType: 'LAND', sellerPhone: null });
  });
});

describe('value cleaning', () => {
  it.each([
    ['$150,470', 150_470],
    [' $1,250.60 ', 1251],
    ['-$5,000', -5000],
    ['($5,000)', -5000],
    ['', null],
    ['n/a', null],
  ])('money %p → %p', (text, value) => expect(parseMoney(text)).toBe(value));

  it.each([
    ['45.5%', 45.5],
    ['45.5', 45.5],
    ['0.455', 45.5],
    ['', null],
  ])('percent %p → %p', (text, value) => expect(parsePercent(text)).toBe(value));

  it.each([
    ['03/15/2004', '2004-03-15'],
    ['3/5/04', '2004-03-05'],
    ['2004-03-15', '2004-03-15'],
    ['13/15/2004', null],
  ])('date %p → %p', (text, value) => expect(parseUsDate(text)).toBe(value));

  it.each([
    ['45402-1234', { zip: '45402', plus4: '1234' }],
    ['454021234', { zip: '45402', plus4: '1234' }],
    ['2134', { zip: '02134', plus4: null }],
    ['ABCDE', { error: 'invalid zip "ABCDE"' }],
    ['', null],
  ])('zip %p → %p', (text, value) => expect(parseZip(text)).toEqual(value));

  it.each([
    ['Single Family Residential', 'SFR'],
    ['Duplex (2 units, any combination)', 'MULTI_FAMILY'],
    ['Triplex (3 units, any combination)', 'MULTI_FAMILY'],
    ['Condominium', 'CONDO'],
    ['Townhouse', 'TOWNHOUSE'],
    ['Mobile/Manufactured Home', 'MOBILE'],
    ['Vacant Land', 'LAND'],
    ['Commercial Retail', 'COMMERCIAL'],
    ['Houseboat?', 'SFR'],
    ['Unknown', null],
  ])('property type %p → %p', (text, type) => expect(parsePropertyType(text)).toBe(type));

  it('years, phones and the phone to call', () => {
    expect(parseYear('1965')).toBe(1965);
    expect(parseYear('12/31/1999')).toBe(1999);
    expect(parseYear('65')).toBeNull();
    expect(formatPhone('+1 937 555 0101')).toBe('(937) 555-0101');
    expect(formatPhone('555-0101')).toBeNull();
    expect(pickPhone([{ number: 'a', type: 'MOBILE', dnc: true }, { number: 'b', type: 'LANDLINE', dnc: false }, { number: 'c', type: 'MOBILE', dnc: false }])).toBe('c');
    expect(pickPhone([{ number: 'a', type: 'MOBILE', dnc: true }])).toBeNull();
  });
});
