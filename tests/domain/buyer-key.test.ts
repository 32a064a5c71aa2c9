import { buyerKey, phoneDigits } from '../../domain/buyers/buyer-key';

jest.setTimeout(180_000);

describe('buyerKey', () => {
  it.each([
    [{ email: ' Dana@Example.COM ', phone: '937-555-0101' }, 'email:dana@example.com'],
    [{ email: '', phone: '+1 (937) 555-0101' }, 'phone:9375550101'],
    [{ email: null, phone: '937.555.0101' }, 'phone:9375550101'],
    [{ phone: '555' }, null],
    [{}, null],
  ])('%p → %p', (contact, key) => {
    expect(buyerKey(contact)).toBe(key);
  });

  it('reads a phone the same with or without the country code', () => {
    expect(phoneDigits('1-937-555-0101')).toBe(phoneDigits('(937) 555 0101'));
  });
});
