import type { HighlightPart } from './search.schema';
import { phoneDigits, searchWords } from './match-expression';

/**
 * What a search marks in the records it finds, as the index matched them: every word of a field
 * that begins with a word typed (case- and accent-blind, as FTS5's unicode61 tokenizer with
 * remove_diacritics reads them), and a phone or an APN whole. Marked here rather than by FTS5's
 * highlight(): that re-reads the position lists of every prefix typed for each row found, half of
 * a search's time on the API's one thread at volume (a phone number typed: 0.15 of 0.22 ms per
 * statement), where marking five rows' few fields here takes microseconds.
 */
export interface SearchTerms {
  /** The words typed, folded. */
  words: string[];
  /** The digits of a phone number typed (matched against a phone's digits, last 10 and last 7), or null. */
  digits: string | null;
}

/** `text` lower-cased without its accents (é → e), as the index holds its words. */
const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A word of a field: letters and digits, with any accents written as combining marks. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** The terms of what was typed; `withPhone`: a phone number typed is also matched as digits (leads and buyers, not tasks). */
export function searchTerms(text: string, withPhone: boolean): SearchTerms {
  return { words: searchWords(text).map(folded), digits: withPhone ? phoneDigits(text.trim()) : null };
}

const beginsWithATerm = (word: string, terms: SearchTerms): boolean => {
  const plain = folded(word);
  return terms.words.some((term) => plain.startsWith(term));
};

/** `text` as parts, each word a typed word begins marked; null when none is. */
export function markWords(text: string | null, terms: SearchTerms): HighlightPart[] | null {
  if (!text) return null;
  const parts: HighlightPart[] = [];
  let plainFrom = 0;
  for (const found of text.matchAll(WORD)) {
    if (!beginsWithATerm(found[0], terms)) continue;
    // Each marked word its own part, the separators between them unmarked, as highlight() marks them.
    if (found.index > plainFrom) parts.push({ text: text.slice(plainFrom, found.index), mark: false });
    parts.push({ text: found[0], mark: true });
    plainFrom = found.index + found[0].length;
  }
  if (!parts.length) return null;
  if (plainFrom < text.length) parts.push({ text: text.slice(plainFrom), mark: false });
  return parts;
}

/** The numbers the index holds of a phone: its digits, and their last 10 and last 7. */
const phoneNumbers = (phone: string): string[] => {
  const digits = phone.replace(/\D/g, '');
  return digits ? [digits, digits.slice(-10), digits.slice(-7)] : [];
};

/** Whether a phone matches: the digits typed, or a word typed, begin one of its numbers. */
export function phoneMatches(phone: string | null, terms: SearchTerms): boolean {
  if (!phone) return false;
  const prefixes = terms.digits ? [terms.digits, ...terms.words] : terms.words;
  return phoneNumbers(phone).some((number) => prefixes.some((prefix) => number.startsWith(prefix)));
}

/** Whether an APN matches: a word typed begins one of its words, as stored or without its separators. */
export function apnMatches(apn: string | null, terms: SearchTerms): boolean {
  if (!apn) return false;
  return markWords(`${apn} ${apn.replace(/[ ./-]/g, '')}`, terms) !== null;
}
