import { LABEL_TABLES, labelOf } from '../../domain/labels/labels';

jest.setTimeout(180_000);

const everyValue = LABEL_TABLES.flatMap((table) => table.values.map((value) => [table.name, value, table.labels] as const));

describe('label tables', () => {
  it.each(everyValue)('the %s %s has words people read', (_name, value, labels) => {
    const label = labels[value];
    expect(label).toEqual(expect.any(String));
    expect(label).not.toBe('');
    // Not the raw value back, nor any enum-looking word (OFFER_MADE, deal.buyer_recorded).
    expect(label).not.toMatch(/[A-Z]{2,}_|_[A-Z]{2,}|\w\.\w|_/);
  });

  it.each(LABEL_TABLES.map((table) => [table.name, table]))('the %s table labels only its own values', (_name, table) => {
    expect(Object.keys(table.labels).sort()).toEqual([...table.values].sort());
  });

  it('a value two enums share has one label, so labelOf can answer without knowing the enum', () => {
    const seen = new Map<string, string>();
    for (const table of LABEL_TABLES.filter((t) => t.name !== 'event')) {
      for (const value of table.values) {
        const label = table.labels[value]!;
        expect([value, seen.get(value) ?? label]).toEqual([value, label]);
        seen.set(value, label);
      }
    }
    expect(labelOf('OFFER_MADE')).toBe('Offer made');
    expect(labelOf('MULTI_FAMILY')).toBe('Multi-family');
    expect(labelOf('not-an-enum')).toBe('not-an-enum');
  });
});
