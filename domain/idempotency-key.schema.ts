import { z } from 'zod';

/** The request header that makes a create safe to retry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** An Idempotency-Key: 1–200 printable ASCII characters (the web app sends a UUID per form submission). */
export const idempotencyKeySchema = z.string().regex(/^[\x20-\x7E]{1,200}$/, 'must be 1–200 printable ASCII characters');
