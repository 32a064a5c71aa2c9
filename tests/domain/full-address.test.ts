import { missingRequiredFields, suggestMapping } from '../../domain/imports/detect-provider';
import { splitFullAddress } from '../../domain/imports/full-address';
import { fieldColumns, mapImportRow } from '../../domain/imports/map-import-row';

describe('a one-line full address', () => {
  it.each([
    ['410 W Third St, Dayton, OH 45402', { street: '410 W Third St', city: 'Dayton', state: 'OH', zip: '45402' }],
    ['410 W Third St, Dayton, OH 45402-1111', { street: '410 W Third St', city: 'Dayton', state: 'OH', zip: '45402-1111' }],
    ['12 Elm Ave, Apt 4B, Kettering, Ohio 45429', { street: '12 Elm Ave, Apt 4B', city: 'Kettering', state: 'Ohio', zip: '45429' }],
    ['5 Oak Ln, Dayton, OH', { street: '5 Oak Ln', city: 'Dayton', state: 'OH', zip: '' }],
    ['5 Oak Ln, Dayton, OH, 45402', { street: '5 Oak Ln', city: 'Dayton', state: 'OH', zip: '45402' }],
    ['5 Oak Ln, Dayton 45402', { street: '5 Oak Ln', city: 'Dayton', state: '', zip: '45402' }],
    ['  9 Pine Rd ,  Xenia , OH  45385 ', { street: '9 Pine Rd', city: 'Xenia', state: 'OH', zip: '45385' }],
    ['9 Pine Rd', { street: '9 Pine Rd', city: '', state: '', zip: '' }],
    ['', { street: '', city: '', state: '', zip: '' }],
  ])('%j splits into street, city, state and zip', (text, parts) => {
    expect(splitFullAddress(text)).toEqual(parts);
  });
});

describe('a sheet whose only address column is the full address', () => {
  const headers = ['Owner Name', 'Full Address'];
  const mapping = suggestMapping(headers, null);

  it('maps the column to the full address and needs nothing else to start', () => {
    expect(mapping['Full Address']).toBe('fullAddress');
    expect(missingRequiredFields(mapping)).toEqual([]);
  });

  it('imports the row with the street, city, state and zip from that one cell', () => {
    const row = mapImportRow({ 'Owner Name': 'pat lee', 'Full Address': '77 Peña Court, Dayton, oh 45402' }, fieldColumns(mapping));
    expect(row).toMatchObject({ ok: true, lead: { sellerName: 'Pat Lee', street: '77 Peña Court', city: 'Dayton', state: 'OH', zip: '45402' } });
  });

  it('names what the cell lacks: a full address without a zip is refused as "missing zip"', () => {
    expect(mapImportRow({ 'Owner Name': 'Pat Lee', 'Full Address': '77 Peña Court, Dayton, OH' }, fieldColumns(mapping))).toEqual({ ok: false, reason: 'missing zip' });
  });

  it('columns of their own win over the full address where both are filled', () => {
    const both = suggestMapping(['Address', 'City', 'State', 'Zip', 'Full Address'], null);
    const row = mapImportRow({ Address: '1 New St', City: 'Xenia', State: 'OH', Zip: '45385', 'Full Address': '9 Old St, Dayton, OH 45402' }, fieldColumns(both));
    expect(row).toMatchObject({ ok: true, lead: { street: '1 New St', city: 'Xenia', zip: '45385' } });
  });
});
