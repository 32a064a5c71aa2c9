import { findImportDuplicates } from '../../domain/imports/duplicate-rows';

describe('findImportDuplicates', () => {
  const liveLeads = new Map([['1 main st|45402', 'lead-1']]);
  const liveLeadId = (key: string) => liveLeads.get(key);
  const rows = (...keys: Array<string | null>) => keys.map((key, index) => ({ rowNumber: index + 2, key }));

  it.each([
    ['a new key is not a duplicate', rows('9 oak ave|45402'), [null]],
    ['a live lead’s key is a duplicate of the lead', rows('1 main st|45402'), [{ rowNumber: null, leadId: 'lead-1' }]],
    ['a repeated key is a duplicate of its first row', rows('9 oak ave|45402', '2 elm st|45402', '9 oak ave|45402', '9 oak ave|45402'), [null, null, { rowNumber: 2, leadId: null }, { rowNumber: 2, leadId: null }]],
    // The lead comes first: every row with its key counts against the lead, none against a row.
    ['rows repeating a live lead’s key are duplicates of the lead', rows('1 main st|45402', '1 main st|45402'), [{ rowNumber: null, leadId: 'lead-1' }, { rowNumber: null, leadId: 'lead-1' }]],
    // A row the import does not take (no key) neither is a duplicate nor makes one.
    ['a row without a key is skipped', rows(null, '9 oak ave|45402', null), [null, null, null]],
  ])('%s', (_name, input, expected) => {
    expect(findImportDuplicates(input, liveLeadId)).toEqual(expected);
  });
});
