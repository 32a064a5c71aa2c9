import type { z } from 'zod';
import { validationError } from './errors';

/** Parses a request part with a schema, or throws our 400 naming each bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<T> {
  // reportInput: the issues carry the offending value, so a missing field reads "is required".
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}
