import { createLeadInputSchema, isPhoneNumber } from '../../domain/leads/lead.schema';

const valid = { sellerName: 'Maria Lopez', street: '118 Oak St', city: 'Dayton', state: 'OH', zip: '45402' };

describe('createLeadInputSchema', () => {
  it('fills the defaults and normalizes the state', () => {
    expect(createLeadInputSchema.parse({ ...valid, state: ' oh ' })).toEqual({ ...valid, state: 'OH', propertyType: 'SFR', source: 'OTHER' });
  });

  it('treats empty optional text as absent', () => {
    const parsed = createLeadInputSchema.parse({ ...valid, sellerPhone: '', sellerEmail: '  ' });
    expect(parsed.sellerPhone).toBeUndefined();
    expect(parsed.sellerEmail).toBeUndefined();
  });

  it.each([
    [{ zip: '4540' }, 'zip'],
    [{ zip: '45402-12' }, 'zip'],
    [{ state: 'O' }, 'state'],
    [{ state: 'XX' }, 'state'],
    [{ beds: 500 }, 'beds'],
    [{ status: 'QUALIFIED' }, ''],
    [{ sellerName: '   ' }, 'sellerName'],
    [{ askingPrice: 10.5 }, 'askingPrice'],
    [{ source: 'BILLBOARD' }, 'source'],
    [{ sellerEmail: 'maria@' }, 'sellerEmail'],
  ])('refuses %p, naming %s', (overrides, field) => {
    const result = createLeadInputSchema.safeParse({ ...valid, ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });

  it('accepts ZIP+4', () => {
    expect(createLeadInputSchema.parse({ ...valid, zip: '45402-1234' }).zip).toBe('45402-1234');
  });
});

describe('isPhoneNumber', () => {
  it.each(['(937) 555-0142', '+1 937 555 0142', '937.555.0142', '5550142'])('accepts %s', (text) => {
    expect(isPhoneNumber(text)).toBe(true);
  });
  it.each(['555-01', 'call me', '+1 (937) 555-0142 ext 5', '1234567890123456'])('refuses %s', (text) => {
    expect(isPhoneNumber(text)).toBe(false);
  });
});
