/**
 * Text a CRM refuses anywhere in a request: a lone UTF-16 surrogate (it has no UTF-8 form, so the
 * database cannot store it) and control characters other than tab, line feed and carriage return
 * (NUL cuts text short in SQLite's own functions; the others have no place in a name or a note).
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const INVALID_TEXT = /[\p{Cs}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const LONE_SURROGATE = /\p{Cs}/u;

export interface InvalidText {
  /** Where: `sellerName`, `tags.2`, `status` … (empty for the whole value). */
  path: string;
  problem: string;
}

function problemOf(text: string): string {
  return LONE_SURROGATE.test(text) ? 'is not valid text (a lone UTF-16 surrogate)' : 'must not contain control characters';
}

/** Readable in an error body even when the key itself is the bad text. */
const printable = (key: string) => key.replace(new RegExp(INVALID_TEXT.source, 'gu'), '\uFFFD');

/**
 * The first string (or object key) in a parsed JSON value or query that holds invalid text, with
 * its path; null when all text is valid. The value's depth is bounded before this runs.
 */
export function findInvalidText(value: unknown, path: readonly (string | number)[] = []): InvalidText | null {
  if (typeof value === 'string') return INVALID_TEXT.test(value) ? { path: path.join('.'), problem: problemOf(value) } : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findInvalidText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (INVALID_TEXT.test(key)) return { path: [...path, printable(key)].join('.'), problem: 'is a field name that is not valid text' };
      const found = findInvalidText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
