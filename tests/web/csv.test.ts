import { tableToCsv, toCsv } from '../../web/src/lib/csv';
import { optionLabel } from '../../web/src/lib/format';

describe('toCsv', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","click")', `"'=HYPERLINK(""http://evil.test"",""click"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['Dayton, OH', '"Dayton, OH"'],
    ['plain', 'plain'],
  ])('writes %p as %p', (cell, written) => {
    expect(toCsv(['name'], [[cell]])).toBe(`name\r\n${written}`);
  });

  it('leaves numbers, negative ones included, as numbers', () => {
    expect(toCsv(['amount', 'change'], [[150_000, -5]])).toBe('amount,change\r\n150000,-5');
  });
});

describe('tableToCsv', () => {
  it('writes the funnel as people read it on screen: "Offer made", not OFFER_MADE, with counts as numbers', () => {
    const funnel = [
      { stage: 'NEW', leads: 12 },
      { stage: 'OFFER_MADE', leads: 3 },
      { stage: 'UNDER_CONTRACT', leads: 1 },
    ];
    const csv = tableToCsv(funnel, [
      { key: 'stage', label: 'Stage', format: (value) => optionLabel(String(value)) },
      { key: 'leads', label: 'Leads' },
    ]);
    expect(csv).toBe('Stage,Leads\r\nNew,12\r\nOffer made,3\r\nUnder contract,1');
    expect(csv).not.toMatch(/[A-Z]+_[A-Z]+/);
  });
});
