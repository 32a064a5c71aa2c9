import { distinctTags } from '../../domain/leads/distinct-tags';

describe('distinctTags', () => {
  it.each([
    [['Probate', 'probate', ' PROBATE '], ['Probate']],
    [['vacant  house', 'Vacant House', 'absentee'], ['vacant house', 'absentee']],
    [['b', 'a', 'B'], ['b', 'a']],
    [['', '  ', 'x'], ['x']],
    [[], []],
  ])('%p → %p: the first spelling of each, in order', (tags, kept) => {
    expect(distinctTags(tags)).toEqual(kept);
  });
});
