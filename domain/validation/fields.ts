import { z } from 'zod';

/** Optional free text: trimmed, bounded, and an empty string counts as absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((value) => (value === '' ? undefined : value));

/** Whole dollars. */
export const moneySchema = z.number().int('must be whole dollars').min(0, 'must not be negative').max(1_000_000_000, 'is too large');

export const optionalEmail = optionalText(200).refine((v) => v === undefined || z.email().safeParse(v).success, 'must be an e-mail address');

/** `?limit=&cursor=` of every list. */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  cursor: z.string().min(1).optional(),
};

/** A comma-separated query parameter whose every part is one of `values`. */
export const listOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `must be ${what} from: ${values.join(', ')}` })));
