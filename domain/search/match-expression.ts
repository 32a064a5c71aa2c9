/** The words of a search: runs of letters and digits, everything else (quotes, operators, `-`, `:`) a separator. */
export function searchWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * The digits of a phone number typed in any format ("(937) 555-0100", "937.555.0100",
 * "+1 937 555 0100", "555-01"), or null when the text is not a phone number. Matched against the
 * index's digits, last 10 and last 7 digits, so a leading country code 1 is dropped.
 */
export function phoneDigits(text: string): string | null {
  if (!/^[\d\s().+\-/]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/**
 * An FTS5 MATCH expression for what a person typed: every word as a quoted prefix (`"dan"* "day"*`,
 * all must match), or its digits as a prefix of the phone column. Null when nothing is left to
 * match. User text never reaches FTS5 unquoted, so its syntax (`OR`, `NEAR`, `-`, `:`, `*`) is inert.
 */
export function buildMatchExpression(text: string, options: { phoneColumn?: string } = {}): string | null {
  const words = searchWords(text).map((word) => `"${word}"*`);
  const digits = options.phoneColumn ? phoneDigits(text.trim()) : null;
  const clauses = [words.length ? `(${words.join(' ')})` : null, digits ? `(${options.phoneColumn} : "${digits}"*)` : null].filter(Boolean);
  return clauses.length ? clauses.join(' OR ') : null;
}
