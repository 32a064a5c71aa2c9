import type { Buyer, UpdateBuyerInput } from './buyer.schema';

function isSameValue(field: keyof UpdateBuyerInput, saved: unknown, value: unknown): boolean {
  if (Array.isArray(value)) return JSON.stringify(saved) === JSON.stringify(value);
  // The same instant written another way ("…T23:59:59.999-04:00") is no change.
  if (field === 'pofExpiresAt' && typeof saved === 'string' && typeof value === 'string') return Date.parse(saved) === Date.parse(value);
  return saved === value;
}

/**
 * The fields of a buyer's PATCH whose value differs from what `before` holds: the form sends every
 * field on each save, and a PATCH that changes nothing writes nothing (no `buyer.updated` event).
 */
export function changedBuyerFields(before: Buyer, input: UpdateBuyerInput): UpdateBuyerInput {
  const changed: Record<string, unknown> = {};
  for (const field of Object.keys(input) as Array<keyof UpdateBuyerInput>) {
    const value = input[field];
    if (value !== undefined && !isSameValue(field, before[field], value)) changed[field] = value;
  }
  return changed as UpdateBuyerInput;
}
