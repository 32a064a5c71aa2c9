import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readImportHead } from '../../db/import-files';
import { cleanText, formatPhone, titleCase, parseMoney, parsePercent, parsePropertyType, parseState, parseUsDate, parseYear, parseZip, pickPhone } from '../../domain/imports/clean-values';
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

  it('reads a header row written in camelCase or with numbers run into the words as the same columns', () => {
    const headers = ['PropertyAddress', 'PropertyCity', 'PropertyZip', 'OwnerFirstName', 'Phone1', 'Phone1Type', 'Phone1DNC', 'Email1', 'YearBuilt', 'property_address_line1'];
    const provider = detectProvider(headers);
    expect(provider).toBe('BATCHLEADS');
    expect(suggestMapping(headers, provider)).toEqual({
      PropertyAddress: 'street', PropertyCity: 'city', PropertyZip: 'zip', OwnerFirstName: 'owner1FirstName',
      Phone1: 'phone1', Phone1Type: 'phone1Type', Phone1DNC: 'phone1Dnc', Email1: 'email1', YearBuilt: 'yearBuilt', property_address_line1: null,
    });
    expect(suggestMapping(['owner_1_firstname', 'property_address_line1', 'property_address_zipcode'], 'DEALMACHINE')).toEqual({ owner_1_firstname: 'owner1FirstName', property_address_line1: 'street', property_address_zipcode: 'zip' });
  });

  it('an unknown sheet gets common spellings and no provider; a sheet without an address names what is missing', () => {
    expect(detectProvider(['Street Address', 'City', 'Zip Code'])).toBeNull();
    expect(suggestMapping(['Street Address', 'City', 'Zip Code', 'Notes'], null)).toEqual({ 'Street Address': 'street', City: 'city', 'Zip Code': 'zip', Notes: null });
    expect(missingRequiredFields(suggestMapping(['Owner', 'Phone'], null))).toEqual(['street', 'zip']);
  });

  it('reads the wordings of hand-made sheets and CRM exports without a mapping by hand', () => {
    const headers = ['Situs Address', 'Town', 'ST', 'Zip', 'Seller', 'Cell Phone', 'E-mail', 'Bed', 'Bath', 'Sq Ft', 'Yr Built', 'Est Value', 'List Price'];
    expect(Object.values(suggestMapping(headers, null))).toEqual(['street', 'city', 'state', 'zip', 'sellerName', 'phone1', 'email1', 'beds', 'baths', 'sqft', 'yearBuilt', 'arv', 'askingPrice']);
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

describe('DealMachine rows (BOM, CRLF, snake_case export columns)', () => {
  it('reads every row but the blank ones, and leaves the columns with no lead field unmapped', async () => {
    const { headers, mapping, rows } = await importFixture('dealmachine.csv');
    expect(headers[0]).toBe('property_address_full');
    expect(Object.entries(mapping).filter(([, field]) => field === null).map(([header]) => header)).toEqual(['owner_1_name', 'equity_percent', 'lead_status', 'date_created']);
    expect(mapping['property_address_full']).toBe('fullAddress');
    // The row of empty cells and the empty line are not imported but keep their row numbers, as a
    // spreadsheet shows the file; a quoted line break stays inside its row.
    expect(rows.map((row) => row.rowNumber)).toEqual([2, 3, 6, 7, 8, 9]);
  });

  it('a company owner, nine-digit zip, currency with cents, a landline before the mobile to call', async () => {
    const { rows } = await importFixture('dealmachine.csv');
    const lead = leadOf(rows[0]!);
    expect(lead).toMatchObject({
      sellerName: 'GEM CITY HOLDINGS LLC', street: '410 W Third St', zip: '45402', zipPlus4: '1111', county: 'Montgomery', apn: 'R72-1',
      mailingAddress: '1 Main St, Columbus, OH 43215', propertyType: 'MULTI_FAMILY', beds: 6, baths: 3, sqft: 3100, yearBuilt: 1920,
      arv: 240_000, estimatedEquity: 100_000, ltv: 58, sellerEmail: 'ops@gemcity.test', sellerPhone: '(937) 555-0402', tags: ['Imported', 'Driving For Dollars'],
    });
    expect(lead.phones).toEqual([
      { number: '(937) 555-0401', type: 'LANDLINE', dnc: false },
      { number: '(937) 555-0402', type: 'MOBILE', dnc: false },
    ]);
  });

  it('stray spaces folded, the unit column kept, a ratio LTV read as a percentage, tags from both list columns', async () => {
    const { rows } = await importFixture('dealmachine.csv');
    expect(leadOf(rows[1]!)).toMatchObject({ sellerName: 'Maria Lopez', street: '88 Lakeview Drive Unit 3', propertyType: 'TOWNHOUSE', baths: 2.5, arv: 135_000, ltv: 72, sellerPhone: null, phones: [], tags: ['Imported', 'Pre-Foreclosure', 'Vacant', 'Follow Up'] });
  });

  it('accents, a lower-case state, zip+4, a quoted line break in the mailing street, a year built given as a date, negative equity in parentheses', async () => {
    const { rows } = await importFixture('dealmachine.csv');
    const lead = leadOf(rows[2]!);
    expect(lead).toMatchObject({
      sellerName: 'Renée Dubois & José Dubois', street: '12 Rue Élise Ct', city: 'Kettering', state: 'OH', zip: '45429', zipPlus4: '0001', county: 'Montgomery',
      mailingAddress: '100 Main St Floor 2, Dayton, OH 45402', propertyType: 'SFR', baths: 1.5, sqft: 1480, yearBuilt: 1951,
      arv: 98_500, estimatedEquity: -12_000, ltv: 112.5, sellerEmail: 'renee.dubois@example.com', tags: ['Imported', 'Absentee Owners'],
    });
    // Three phones: the mobile on the Do-Not-Call list is kept but not called; the wireless one (a mobile) is.
    expect(lead.sellerPhone).toBe('(937) 555-0603');
    expect(lead.phones).toEqual([
      { number: '(937) 555-0601', type: 'MOBILE', dnc: true },
      { number: '(937) 555-0602', type: 'LANDLINE', dnc: false },
      { number: '(937) 555-0603', type: 'MOBILE', dnc: false },
    ]);
  });

  it('refuses a malformed zip+4 even when the full address has none, and reads an address given only in the full-address column', async () => {
    const { rows } = await importFixture('dealmachine.csv');
    expect(rows[3]).toMatchObject({ ok: false, reason: 'invalid zip "45402-12"' });
    expect(leadOf(rows[4]!)).toMatchObject({ sellerName: 'Kim Park', street: '19 Hidden Way', city: 'Dayton', state: 'OH', zip: '45410', propertyType: 'CONDO' });
  });

  it('a trust with a quoted comma as the seller; every phone on the Do-Not-Call list leaves none to call, all kept', async () => {
    const { rows } = await importFixture('dealmachine.csv');
    expect(leadOf(rows[5]!)).toMatchObject({
      sellerName: 'THE MILLER FAMILY LIVING TRUST, DATED 01/02/2003', propertyType: 'MOBILE', county: 'Greene', sqft: 924, arv: 45_000, estimatedEquity: 45_000, ltv: 0,
      sellerPhone: null, phones: [{ number: '(937) 555-0801', type: 'MOBILE', dnc: true }, { number: '(937) 555-0802', type: 'LANDLINE', dnc: true }],
      tags: ['Imported', 'Tired Landlords', 'Probate'],
    });
  });
});

describe('BatchLeads rows (BOM, property export with skip-trace columns)', () => {
  it('reads every row but the blank ones, and leaves the columns with no lead field unmapped', async () => {
    const { headers, mapping, rows } = await importFixture('batchleads.csv');
    expect(headers[0]).toBe('Property Address');
    expect(Object.entries(mapping).filter(([, field]) => field === null).map(([header]) => header)).toEqual(['Vacant', 'Absentee Owner', 'Last Sale Date', 'Last Sale Price', 'Equity Percent']);
    expect(rows.map((row) => row.rowNumber)).toEqual([2, 3, 4, 7, 8, 9]);
  });

  it('owner names, mailing address, one mobile to call; a trust owning vacant land', async () => {
    const { rows } = await importFixture('batchleads.csv');
    expect(leadOf(rows[0]!)).toMatchObject({ sellerName: 'Lee Nguyen', apn: '340-06', mailingAddress: '15 Maple Avenue, Springfield, OH 45503', arv: 120_000, estimatedEquity: 60_000, ltv: 50, sellerPhone: '(937) 555-0501', tags: ['Imported', 'High Equity'] });
    expect(leadOf(rows[1]!)).toMatchObject({ sellerName: 'Smith Revocable Trust', propertyType: 'LAND', arv: 30_000, sellerPhone: null, phones: [] });
  });

  it('stray spaces, a lower-case city, accents in upper case, zip+4, a duplex, cents rounded, comma-separated lists, three typed phones and a bad second email', async () => {
    const { rows } = await importFixture('batchleads.csv');
    const lead = leadOf(rows[2]!);
    expect(lead).toMatchObject({
      sellerName: 'José Nuñez & María Nuñez', street: '1208 Brown St. Apt 2', city: 'Dayton', state: 'OH', zip: '45409', zipPlus4: '2204', county: 'Montgomery',
      mailingAddress: '1208 Brown St, Apt 2, Dayton, OH 45409', propertyType: 'MULTI_FAMILY', beds: 4, baths: 2, sqft: 2050, yearBuilt: 1926,
      arv: 182_350, estimatedEquity: 150_000, ltv: 17.7, sellerEmail: 'jose.nunez@example.com', tags: ['Imported', 'Absentee Owners', 'Tired Landlords'],
    });
    expect(lead.sellerPhone).toBe('(937) 555-0702');
    expect(lead.phones).toEqual([
      { number: '(937) 555-0701', type: 'LANDLINE', dnc: true },
      { number: '(937) 555-0702', type: 'MOBILE', dnc: false },
      { number: '(937) 555-0703', type: 'VOIP', dnc: false },
    ]);
  });

  it('a company with a quoted comma, a street with a quoted line break holding its unit, millions, negative equity, LTV over 100 %', async () => {
    const { rows } = await importFixture('batchleads.csv');
    expect(leadOf(rows[3]!)).toMatchObject({
      sellerName: 'WAYNE AVE PROPERTIES, LLC', street: '300 Wayne Ave Unit 5', propertyType: 'CONDO', arv: 1_200_000, estimatedEquity: -180_000, ltv: 105,
      sellerPhone: null, phones: [{ number: '(937) 555-0901', type: 'MOBILE', dnc: true }], tags: ['Imported', 'Pre-Foreclosure'],
    });
  });

  it('refuses a missing zip with the reason, and reads a state spelled out as its code', async () => {
    const { rows } = await importFixture('batchleads.csv');
    expect(rows[4]).toMatchObject({ ok: false, reason: 'missing zip' });
    expect(leadOf(rows[5]!)).toMatchObject({ street: '7 State Rd', state: 'OH' });
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
    ['150K', 150_000],
    ['$1.2m', 1_200_000],
    ['12%', null],
    // Grouped with dots, as European lists write it: the same amount, never 125 dollars.
    ['125.000', 125_000],
    ['1.250.000', 1_250_000],
    ['125.000,50', 125_001],
    ['USD 95,000', 95_000],
    ['-', null],
    // Not one amount in dollars: not read at all.
    ['€125.000', null],
    ['100-150k', null],
    ['125,50', null],
    ['1,2,3', null],
  ])('money %p → %p', (text, value) => expect(parseMoney(text)).toBe(value));

  it.each([
    ['100-150k', 'Asking price "100-150k" is not an amount in dollars'],
    ['€125.000', 'Asking price "€125.000" is not an amount in dollars'],
    ['call me', 'Asking price "call me" is not an amount in dollars'],
  ])('refuses a row whose price %p no one can read as dollars, naming the column and the value', (price, reason) => {
    const byField = fieldColumns({ Address: 'street', City: 'city', State: 'state', Zip: 'zip', Price: 'askingPrice' });
    expect(mapImportRow({ Address: '12 Oak St', City: 'Dayton', State: 'OH', Zip: '45402', Price: price }, byField)).toEqual({ ok: false, reason });
  });

  it.each([
    ['N/A', null],
    ['', null],
    ['125.000', 125_000],
  ])('imports a row whose price is %p as %p', (price, askingPrice) => {
    const byField = fieldColumns({ Address: 'street', City: 'city', State: 'state', Zip: 'zip', Price: 'askingPrice' });
    expect(mapImportRow({ Address: '12 Oak St', City: 'Dayton', State: 'OH', Zip: '45402', Price: price }, byField)).toMatchObject({ ok: true, lead: { askingPrice } });
  });

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
    ['45402.0', { zip: '45402', plus4: null }],
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

  it.each([
    ['OH', 'OH'],
    ['oh', 'OH'],
    ['O.H.', 'OH'],
    ['Ohio', 'OH'],
    ['new york', 'NY'],
    ['District of Columbia', 'DC'],
    ['Puerto Rico', 'PR'],
    ['ZZ', null],
    ['Calif', null],
    ['', null],
  ])('state %p → %p', (text, code) => expect(parseState(text)).toBe(code));

  it('years, phones and the phone to call', () => {
    expect(parseYear('1965')).toBe(1965);
    expect(parseYear('12/31/1999')).toBe(1999);
    expect(parseYear('65')).toBeNull();
    expect(formatPhone('+1 937 555 0101')).toBe('(937) 555-0101');
    // A number a lead's phone may be is kept as written: a local number, one abroad.
    expect(formatPhone('555-0101')).toBe('555-0101');
    expect(formatPhone('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(formatPhone('5551234567.0')).toBe('(555) 123-4567');
    expect(formatPhone('call me')).toBeNull();
    expect(formatPhone('12')).toBeNull();
    expect(formatPhone('1-937-555-0101 x12')).toBe('(937) 555-0101');
    expect(formatPhone('(937) 555-0101 ext. 4')).toBe('(937) 555-0101');
    expect(pickPhone([{ number: 'a', type: 'MOBILE', dnc: true }, { number: 'b', type: 'LANDLINE', dnc: false }, { number: 'c', type: 'MOBILE', dnc: false }])).toBe('c');
    expect(pickPhone([{ number: 'a', type: 'MOBILE', dnc: true }])).toBeNull();
  });
});

describe('files as other tools write them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-import-files-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const rowsOf = async (bytes: Buffer) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
    fs.writeFileSync(file, bytes);
    return readImportHead(file, 100);
  };

  it('CRLF rows with LF rows appended (and a lone CR): every row is a row, none swallowed by the cell before it', async () => {
    const { headers, rows } = await rowsOf(Buffer.from('Address,Zip,Phone\r\n1 A St,45402,937-555-0001\r\n2 B St,45402,937-555-0002\n3 C St,45402,937-555-0003\n4 D St,45402,937-555-0004\r5 E St,45402,"937-555-0005"\r\n'));
    expect(headers).toEqual(['Address', 'Zip', 'Phone']);
    expect(rows.map((row) => [row.rowNumber, row.values.Address, row.values.Phone])).toEqual([
      [2, '1 A St', '937-555-0001'],
      [3, '2 B St', '937-555-0002'],
      [4, '3 C St', '937-555-0003'],
      [5, '4 D St', '937-555-0004'],
      [6, '5 E St', '937-555-0005'],
    ]);
  });

  it('Windows-1252 (Excel on Windows) is read as such: accents, curly quotes and dashes kept, no U+FFFD', async () => {
    const cp1252 = Buffer.concat([Buffer.from('Address,City,Owner Name\r\n'), Buffer.from([0x31, 0x20, 0x50, 0x65, 0xf1, 0x61, 0x20, 0x53, 0x74, 0x2c]), Buffer.from('Espa'), Buffer.from([0xf1]), Buffer.from('ola,Ra'), Buffer.from([0xfa]), Buffer.from('l O'), Buffer.from([0x92]), Buffer.from('Brien '), Buffer.from([0x96]), Buffer.from(' Trustee\r\n')]);
    const { rows } = await rowsOf(cp1252);
    expect(rows[0]!.values).toEqual({ Address: '1 Peña St', City: 'Española', 'Owner Name': 'Raúl O’Brien – Trustee' });
  });

  it('semicolons (Excel where the decimal mark is a comma), tabs, bars, and Excel\'s sep= hint line', async () => {
    const expected = [{ rowNumber: 2, values: { Address: '1 A St', City: 'Dayton', Zip: '45402', Price: '125,00' } }];
    expect((await rowsOf(Buffer.from('Address;City;Zip;Price\r\n1 A St;Dayton;45402;125,00\r\n'))).rows).toEqual(expected);
    expect((await rowsOf(Buffer.from('Address\tCity\tZip\tPrice\n1 A St\tDayton\t45402\t125,00\n'))).rows).toEqual(expected);
    expect((await rowsOf(Buffer.from('Address|City|Zip|Price\n1 A St|Dayton|45402|125,00\n'))).rows).toEqual(expected);
    expect((await rowsOf(Buffer.from('sep=;\r\nAddress;City;Zip;Price\r\n1 A St;Dayton;45402;125,00\r\n'))).rows).toEqual(expected);
    // A comma file whose header has a semicolon inside quotes stays a comma file.
    const comma = await rowsOf(Buffer.from('Address,City,Zip,"Price; asked"\n1 A St,Dayton,45402,"125,00"\n'));
    expect(comma.headers).toEqual(['Address', 'City', 'Zip', 'Price; asked']);
  });

  it('UTF-8 stays UTF-8, and UTF-16 in either byte order is read by its byte order mark', async () => {
    const text = 'Address,City\n1 Peña St,Española\n';
    const expected = { Address: '1 Peña St', City: 'Española' };
    expect((await rowsOf(Buffer.from(text))).rows[0]!.values).toEqual(expected);
    expect((await rowsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).rows[0]!.values).toEqual(expected);
    expect((await rowsOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).rows[0]!.values).toEqual(expected);
    const bigEndian = Buffer.from(text, 'utf16le').swap16();
    expect((await rowsOf(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]))).rows[0]!.values).toEqual(expected);
  });
});

describe('what a row may become', () => {
  const byField = fieldColumns({ Address: 'street', City: 'city', State: 'state', Zip: 'zip', Phone: 'phone1', Beds: 'beds', Price: 'askingPrice', Owner: 'sellerName', Lists: 'tags' });
  const row = (values: Record<string, string>) => mapImportRow({ Address: '1 Main St', City: 'Dayton', State: 'OH', Zip: '45402', ...values }, byField);

  it('two phones in one cell are both kept, the first to call', () => {
    for (const cell of ['937-555-0101 / 937-555-0102', '9375550101;9375550102', '937-555-0101, 937-555-0102', '(937) 555-0101 or (937) 555-0102']) {
      const lead = leadOf(row({ Phone: cell }));
      expect(lead.phones.map((phone) => phone.number)).toEqual(['(937) 555-0101', '(937) 555-0102']);
      expect(lead.sellerPhone).toBe('(937) 555-0101');
    }
  });

  it('a value past what the lead form allows refuses the row, naming the field and the limit, instead of saving a lead nobody could edit', () => {
    expect(row({ Beds: '500' })).toEqual({ ok: false, reason: 'beds 500: must be at most 100' });
    expect(row({ Price: '$5,000,000,000' })).toEqual({ ok: false, reason: 'askingPrice 5000000000: must be at most $1,000,000,000' });
    expect(row({ Address: `1 ${'Long '.repeat(60)}St` })).toEqual({ ok: false, reason: expect.stringMatching(/^street \(\d+ characters\): must be at most 200 characters$/) });
    expect(row({ Lists: Array.from({ length: 31 }, (_, index) => `List ${index}`).join(';') })).toEqual({ ok: false, reason: 'tags: at most 30 tags' });
    expect(leadOf(row({ Beds: '100', Price: '$1,000,000,000' }))).toMatchObject({ beds: 100, askingPrice: 1_000_000_000 });
  });

  it('names in capitals read as names: company forms and generations stay capitals, Mc names keep their second capital', () => {
    expect(['ACME HOLDINGS LLC', 'MARY MCDONALD', 'JOHN SMITH III', 'IVÁNOV PEÑA', "O'BRIEN-SMITH", 'Mixed Case llc'].map(titleCase)).toEqual([
      'Acme Holdings LLC', 'Mary McDonald', 'John Smith III', 'Ivánov Peña', "O'Brien-Smith", 'Mixed Case llc',
    ]);
  });

  it('control characters are dropped from values; line breaks and tabs fold into spaces', () => {
    expect(cleanText('Ann\u0000 Lee\u0007')).toBe('Ann Lee');
    expect(leadOf(row({ Owner: 'ANN\u0000\tLEE\r\n' })).sellerName).toBe('Ann Lee');
  });
});
