import { apnMatches, markWords, phoneMatches, searchTerms } from '../../domain/search/mark-matches';

describe('markWords', () => {
  it('marks each word a typed word begins, case- and accent-blind, the rest as it is', () => {
    expect(markWords('Quentin Marchetti', searchTerms('marc', true))).toEqual([
      { text: 'Quentin ', mark: false },
      { text: 'Marchetti', mark: true },
    ]);
    expect(markWords('Zoë Quéntin-Marchetti', searchTerms('QUEN zoe', true))).toEqual([
      { text: 'Zoë', mark: true },
      { text: ' ', mark: false },
      { text: 'Quéntin', mark: true },
      { text: '-Marchetti', mark: false },
    ]);
    // An accent written as a combining mark stays part of its word.
    expect(markWords('Rene\u0301 Ames', searchTerms('rene', true))).toEqual([
      { text: 'Rene\u0301', mark: true },
      { text: ' Ames', mark: false },
    ]);
  });

  it('marks the words of an e-mail address as the index splits it', () => {
    expect(markWords('qmarch@example.com', searchTerms('qmarch@exa', true))).toEqual([
      { text: 'qmarch', mark: true },
      { text: '@', mark: false },
      { text: 'example', mark: true },
      { text: '.com', mark: false },
    ]);
  });

  it('marks nothing when no word begins with what was typed, or there is no text', () => {
    expect(markWords('Quentin Marchetti', searchTerms('archetti', true))).toBeNull();
    expect(markWords(null, searchTerms('quen', true))).toBeNull();
    expect(markWords('', searchTerms('quen', true))).toBeNull();
  });
});

describe('phoneMatches', () => {
  it.each(['(513) 867-5309', '5138675309', '867-5309', '+1 513 867 5309', '513-86', '86753'])('a phone typed as %p matches (513) 867-5309', (typed) => {
    expect(phoneMatches('(513) 867-5309', searchTerms(typed, true))).toBe(true);
  });

  it('does not match other digits, a missing phone, or a task search (no phone digits)', () => {
    expect(phoneMatches('(513) 867-5309', searchTerms('868-5309', true))).toBe(false);
    expect(phoneMatches('(513) 867-5309', searchTerms('Quentin', true))).toBe(false);
    expect(phoneMatches(null, searchTerms('867-5309', true))).toBe(false);
    expect(searchTerms('867-5309', false).digits).toBeNull();
  });
});

describe('apnMatches', () => {
  it.each(['R72-1234-0001', 'R7212340001', 'r72 1234', 'R721234', '1234-0001'])('an APN typed as %p matches R72-1234-0001', (typed) => {
    expect(apnMatches('R72-1234-0001', searchTerms(typed, true))).toBe(true);
  });

  it('does not match another APN or none', () => {
    expect(apnMatches('R72-1234-0001', searchTerms('R73', true))).toBe(false);
    expect(apnMatches(null, searchTerms('R72', true))).toBe(false);
  });
});
