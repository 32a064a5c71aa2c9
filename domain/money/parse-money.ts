/** What a money box says when what was typed is not an amount. */
export const MONEY_INPUT_ERROR = 'Enter an amount like 95,000';

export type MoneyParse = { ok: true; value: number | undefined } | { ok: false; error: typeof MONEY_INPUT_ERROR };

const SUFFIX: Record<string, number> = { '': 1, k: 1_000, m: 1_000_000 };
// "$95,000", "95000", "95k", "1.2m", "$ 1.25 M": digits (commas only in groups of three), an
// optional fraction, an optional k or m. Anything else ("abc95k", "2OOk", "95-") is refused.
const AMOUNT = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*([km]?)$/i;

/**
 * An amount as people type it, in whole dollars; an empty box is `undefined`. Never a different
 * number from the one typed: no partial parse, no rounding (95.5 dollars is refused).
 */
export function parseMoney(text: string): MoneyParse {
  const typed = text.trim();
  if (typed === '') return { ok: true, value: undefined };
  const match = AMOUNT.exec(typed);
  if (!match) return { ok: false, error: MONEY_INPUT_ERROR };
  const [, whole = '', fraction = '', suffix = ''] = match;
  const scale = SUFFIX[suffix.toLowerCase()] ?? 1;
  // Exact arithmetic on the digits: "1.2m" is 12 × 100,000, not 1.2 × 1,000,000.
  const digits = BigInt(whole.replaceAll(',', '') + fraction);
  const divisor = 10n ** BigInt(fraction.length);
  const scaled = digits * BigInt(scale);
  if (scaled % divisor !== 0n) return { ok: false, error: MONEY_INPUT_ERROR };
  const value = Number(scaled / divisor);
  if (!Number.isSafeInteger(value)) return { ok: false, error: MONEY_INPUT_ERROR };
  return { ok: true, value };
}
