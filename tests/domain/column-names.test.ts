import { columnNames, readHeaderRow } from '../../domain/imports/column-names';
import { IMPORT_FIELDS } from '../../domain/imports/import-fields';
import { IMPORT_FIELD_LABELS } from '../../domain/labels/import-labels';

jest.setTimeout(180_000);

describe('column names of an import file', () => {
  it.each([
    ['a plain header', 'Owner,Where,Postcode\nPat,9 Elm,45402\n', ['Owner', 'Where', 'Postcode']],
    ['a byte-order mark and stray spaces', '\uFEFF Owner ,  Where\r\nPat,9 Elm\r\n', ['Owner', 'Where']],
    ['quoted commas, doubled quotes and a quoted line break', '"Owner, 1","Say ""hi""","Two\nlines"\nx,y,z\n', ['Owner, 1', 'Say "hi"', 'Two lines']],
    ['repeated and blank names', 'Phone,Phone,,Phone\n', ['Phone', 'Phone (2)', 'Column', 'Phone (3)']],
    ['blank lines before the header', '\n\nAddress,Zip\n', ['Address', 'Zip']],
    ['an empty file', '', []],
  ])('%s', (_name, text, expected) => {
    expect(readHeaderRow(text)).toEqual(expected);
  });

  it('names columns as the server reads them', () => {
    expect(columnNames([' Zip ', 'Zip', '\uFEFFAddress'])).toEqual(['Zip', 'Zip (2)', 'Address']);
  });

  it('every lead field a column can become has words in the mapping table', () => {
    for (const field of IMPORT_FIELDS) expect(IMPORT_FIELD_LABELS[field]).toMatch(/^[A-Z][\w -]*(\([\w ]+\))?$/);
  });
});
