import { z } from 'zod';
import './messages';

/** Optional free text: trimmed, bounded, and an empty string counts as absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === '' ? undefined : value))
    .optional();

/** Free text an edit may clear: trimmed, bounded, and an empty string (or null) clears it to null, as a blank box does. */
export const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/**
 * An ISO date-time with its offset, in a year a CRM's dates can be in (1900-2199): `0000-01-01` or
 * `9999-12-31` parse as dates but are typos, and a deadline or expiry there breaks every ordering.
 */
export const isoDateTime = () =>
  z.iso
    .datetime({ offset: true, message: 'must be an ISO date-time' })
    .refine((text) => {
      const year = new Date(text).getUTCFullYear();
      return year >= 1900 && year <= 2199;
    }, 'must be a date between the years 1900 and 2199');

/** Whole dollars. */
export const moneySchema = z.number().int('must be whole dollars').min(0, 'must not be negative').max(1_000_000_000, 'is too large');

export const optionalEmail = optionalText(200).refine((v) => v === undefined || z.email().safeParse(v).success, 'must be an e-mail address');

/**
 * A whole number in a query string: digits only, so an empty `?limit=` or `?minPrice=` is an
 * error rather than 0, and `1e3`, `0x10` or `-5` are refused. The OpenAPI document shows it as
 * the integer it is.
 */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .meta({ type: 'integer', minimum: min, maximum: max });

/** `?limit=&cursor=` of every list. */
export const pageQueryFields = {
  limit: queryInt(1, 200).default(50),
  cursor: z.string().min(1, 'must not be empty').optional(),
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A comma-separated query parameter whose every part is one of `values`. Empty (`?status=`),
 * an empty part (`?priority=HIGH,`) or an unknown value is an error naming the parameter; the
 * pattern is in the OpenAPI document too.
 */
export const listOf = <T extends readonly [string, ...string[]]>(values: T, what: string) => {
  const one = `(?:${values.map(escapeRegExp).join('|')})`;
  // Spaces only around the commas: other white space is refused (or is a control character).
  const pattern = new RegExp(`^ *${one} *(?:, *${one} *)*$`);
  return z
    .string()
    .regex(pattern, `must list ${what} from: ${values.join(', ')} (comma-separated)`)
    .transform((text) => text.split(',').map((part) => part.trim()) as Array<T[number]>);
};
