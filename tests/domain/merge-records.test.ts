import { buyerDuplicateReasons, leadDuplicateReasons, normalizeName, type BuyerLike, type LeadLike } from '../../domain/merge/duplicate-reasons';
import { BUY_BOX_BOUNDS } from '../../domain/buyers/buy-box-bounds';
import { checkMerge, dropCrossedBounds, fillEmptyFields, mergeTags, type MergeCandidate } from '../../domain/merge/merge-records';

jest.setTimeout(180_000);

const live = (id: string): MergeCandidate => ({ id, archivedAt: null, mergedIntoId: null });

describe('checkMerge', () => {
  it.each<[string, MergeCandidate, MergeCandidate, string | null]>([
    ['two live records', live('a'), live('b'), null],
    ['a record into itself', live('a'), live('a'), 'BAD_REQUEST: A lead cannot be merged into itself'],
    ['a source merged already (a retry)', live('a'), { ...live('b'), archivedAt: new Date(), mergedIntoId: 'a' }, 'CONFLICT: The lead b was already merged into a'],
    ['into a merged survivor', { ...live('a'), archivedAt: new Date(), mergedIntoId: 'c' }, live('b'), 'CONFLICT: This lead was merged into c: merge into that one'],
    ['an archived source', live('a'), { ...live('b'), archivedAt: new Date() }, 'CONFLICT: The lead b is archived: unarchive it first'],
    ['into an archived survivor', { ...live('a'), archivedAt: '2026-11-30T00:00:00.000Z' }, live('b'), 'CONFLICT: This lead is archived: unarchive it first'],
  ])('%s', (_label, survivor, source, refusal) => {
    const check = checkMerge('lead', survivor, source);
    expect(check.ok ? null : `${check.code}: ${check.message}`).toBe(refusal);
    if (!check.ok) expect(check.field).toBe('sourceId');
  });
});

describe('fillEmptyFields', () => {
  it('takes the source value only where the survivor has none (null, blank or an empty list), among the fields named', () => {
    type Row = { phone: string | null; email: string; beds: number; markets: string[]; name: string; notes: string | null };
    const survivor: Row = { phone: null, email: '', beds: 0, markets: [], name: 'Keep', notes: null };
    const source: Row = { phone: '937', email: 'a@b.c', beds: 4, markets: ['Dayton'], name: 'Other', notes: 'not named' };
    expect(fillEmptyFields(survivor, source, ['phone', 'email', 'beds', 'markets', 'name'] as const)).toEqual({ phone: '937', email: 'a@b.c', markets: ['Dayton'] });
  });

  it('fills nothing from an empty source', () => {
    expect(fillEmptyFields<{ phone: string | null }, 'phone'>({ phone: null }, { phone: '' }, ['phone'])).toEqual({});
  });
});

describe('dropCrossedBounds', () => {
  type Box = { minPrice: number | null; maxPrice: number | null; maxRepair: number | null };
  const box = (minPrice: number | null, maxPrice: number | null): Box => ({ minPrice, maxPrice, maxRepair: null });
  it.each<[string, Box, Partial<Box>, Partial<Box>]>([
    ['a min above the survivor\'s max is not filled', box(null, 100_000), { minPrice: 200_000 }, {}],
    ['a max below the survivor\'s min is not filled', box(200_000, null), { maxPrice: 100_000, maxRepair: 5_000 }, { maxRepair: 5_000 }],
    ['a min inside the survivor\'s max is filled', box(null, 100_000), { minPrice: 40_000 }, { minPrice: 40_000 }],
    ['a min equal to the survivor\'s max is filled', box(null, 100_000), { minPrice: 100_000 }, { minPrice: 100_000 }],
    ['an ordered pair from the source is filled', box(null, null), { minPrice: 1, maxPrice: 2 }, { minPrice: 1, maxPrice: 2 }],
    ['a crossed pair from the source fills neither', box(null, null), { minPrice: 2, maxPrice: 1 }, {}],
    ['a survivor crossed already keeps its pair, and other fields fill', box(300, 100), { maxRepair: 7 }, { maxRepair: 7 }],
  ])('%s', (_label, survivor, fill, kept) => {
    expect(dropCrossedBounds(survivor, fill, BUY_BOX_BOUNDS)).toEqual(kept);
  });
});

describe('mergeTags', () => {
  it.each([
    [['probate'], ['Probate', 'absentee'], ['probate', 'absentee']],
    [[], ['vacant'], ['vacant']],
    [['a', ' '], ['A ', 'b', 'b'], ['a', 'b']],
  ])('%p + %p → %p', (survivor, source, merged) => {
    expect(mergeTags(survivor, source)).toEqual(merged);
  });
});

describe('leadDuplicateReasons', () => {
  const lead: LeadLike = { sellerName: 'José  O’Brien', sellerPhone: '+1 (937) 555-0142', zip: '45402', addressKey: '12 elm st|45402' };
  it.each<[string, Partial<LeadLike>, string[]]>([
    ['the same address key', { sellerName: 'Somebody', sellerPhone: null, addressKey: '12 elm st|45402' }, ['same address']],
    ['the same phone digits in the same ZIP', { sellerName: 'Somebody', sellerPhone: '937.555.0142', addressKey: 'x', zip: '45402-1234' }, ['same phone']],
    ['the same owner name in the same ZIP', { sellerName: 'jose obrien', sellerPhone: null, addressKey: 'x' }, ['same owner name in 45402']],
    ['the same phone and name in another ZIP', { zip: '45403', addressKey: 'x' }, []],
    ['a short phone', { sellerName: 'Somebody', sellerPhone: '555', addressKey: 'x' }, []],
  ])('%s', (_label, other, reasons) => {
    const withShortPhone = { ...lead, ...(other.sellerPhone === '555' ? { sellerPhone: '555' } : {}) };
    expect(leadDuplicateReasons(withShortPhone, { ...lead, ...other })).toEqual(reasons);
  });
});

describe('buyerDuplicateReasons', () => {
  const buyer: BuyerLike = { name: 'Oak Capital', email: 'Deals@Oak.test', phone: '(937) 555-0188', contactKey: 'email:deals@oak.test' };
  it.each<[string, Partial<BuyerLike>, string[]]>([
    ['the same e-mail in another case', { name: 'Other', email: 'deals@oak.test ', phone: null }, ['same e-mail']],
    ['the same name and phone', { email: null, contactKey: 'phone:9375550188' }, ['same name and phone']],
    ['the same phone only', { name: 'Elm Homes', email: 'elm@x.test', contactKey: 'email:elm@x.test', phone: '937-555-0188' }, ['same phone']],
    ['nothing shared', { name: 'Elm Homes', email: 'elm@x.test', contactKey: 'email:elm@x.test', phone: null }, []],
  ])('%s', (_label, other, reasons) => {
    expect(buyerDuplicateReasons(buyer, { ...buyer, ...other })).toEqual(reasons);
  });
});

describe('normalizeName', () => {
  it.each([
    ['José  O’Brien', 'jose obrien'],
    ['  SMITH, John ', 'smith john'],
  ])('%s → %s', (name, normalized) => {
    expect(normalizeName(name)).toBe(normalized);
  });
});
