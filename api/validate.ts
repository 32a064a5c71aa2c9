import type { z } from 'zod';
import { validationError } from './errors';

/** Parses a request part with a schema, or throws our 400 naming each bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}
