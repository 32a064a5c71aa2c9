import { toCsv } from '../../web/src/lib/csv';

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
