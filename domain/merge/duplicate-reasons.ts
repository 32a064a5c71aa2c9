import { phoneDigits } from '../buyers/buyer-key';
import { zip5 } from '../leads/address-key';

/** A name compared without case, accents, punctuation or extra spaces ("O'Brien,  Pat" = "obrien pat"). */
export function normalizeName(name: string | null | undefined): string {
  return (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const samePhone = (a: string | null | undefined, b: string | null | undefined): boolean => {
  const digits = phoneDigits(a);
  return digits.length >= 7 && digits === phoneDigits(b);
};

export interface LeadLike {
  sellerName: string;
  sellerPhone: string | null;
  zip: string;
  addressKey: string | null;
}

/**
 * Why `other` may be the same lead as `lead`: the same address key, or, in the same ZIP, the same
 * phone digits or the same owner name. Empty when none holds.
 */
export function leadDuplicateReasons(lead: LeadLike, other: LeadLike): string[] {
  const reasons: string[] = [];
  if (lead.addressKey && lead.addressKey === other.addressKey) reasons.push('same address');
  const zip = zip5(lead.zip);
  if (zip && zip === zip5(other.zip)) {
    if (samePhone(lead.sellerPhone, other.sellerPhone)) reasons.push('same phone');
    const name = normalizeName(lead.sellerName);
    if (name && name === normalizeName(other.sellerName)) reasons.push(`same owner name in ${zip}`);
  }
  return reasons;
}

export interface BuyerLike {
  name: string;
  email: string | null;
  phone: string | null;
  contactKey: string | null;
}

/** Why `other` may be the same buyer: the same contact key (e-mail, else phone), the same e-mail, or the same name and phone. */
export function buyerDuplicateReasons(buyer: BuyerLike, other: BuyerLike): string[] {
  const reasons: string[] = [];
  const email = (buyer.email ?? '').trim().toLowerCase();
  if (email && email === (other.email ?? '').trim().toLowerCase()) reasons.push('same e-mail');
  else if (buyer.contactKey && buyer.contactKey === other.contactKey) reasons.push('same contact');
  const name = normalizeName(buyer.name);
  if (samePhone(buyer.phone, other.phone)) reasons.push(name && name === normalizeName(other.name) ? 'same name and phone' : 'same phone');
  return reasons;
}
