/** A phone number's digits, without the US country code (`+1 (937) 555-0101` → `9375550101`). */
export function phoneDigits(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/**
 * One key per buyer, for finding the same buyer entered twice: the e-mail in lower case
 * (`email:dana@x.com`), else the phone's digits (`phone:9375550101`), else null (nothing to match on).
 */
export function buyerKey({ email, phone }: { email?: string | null; phone?: string | null }): string | null {
  const address = (email ?? '').normalize('NFKC').trim().toLowerCase();
  if (address) return `email:${address}`;
  const digits = phoneDigits(phone);
  return digits.length >= 7 ? `phone:${digits}` : null;
}
