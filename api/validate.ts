import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { fieldLabel } from '../domain/labels/field-labels';
import { findInvalidText } from '../domain/validation/text';
import { AppError, validationError } from './errors';

type Where = 'body' | 'query' | 'params';

/** Throws our 400 naming the field when any text in `input` is invalid (a lone surrogate, a control character). */
export function refuseInvalidText(input: unknown, where: Where): void {
  const invalid = findInvalidText(input);
  if (!invalid) return;
  const field = invalid.path || where;
  throw new AppError('VALIDATION_FAILED', `Invalid ${where}: ${field === where ? where : fieldLabel(field)} ${invalid.problem}`, { [field]: invalid.problem });
}

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/**
 * Every query parameter is valid UTF-8 text: a percent-escape that decodes to no UTF-8 (which
 * Node's query parser would turn into U+FFFD) or to invalid text is a 400 naming the parameter.
 */
export const refuseInvalidQuery: RequestHandler = (req, _res, next) => {
  const search = req.originalUrl.split('?').slice(1).join('?');
  for (const pair of search ? search.split('&') : []) {
    const [key = '', value = ''] = pair.split(/=(.*)/s);
    if (!decodes(key) || !decodes(value)) {
      const field = decodes(key) ? decodeURIComponent(key.replace(/\+/g, ' ')) : 'query';
      throw new AppError('VALIDATION_FAILED', `Invalid query: ${field === 'query' ? field : fieldLabel(field)} is not valid UTF-8 text`, { [field]: 'is not valid UTF-8 text' });
    }
  }
  refuseInvalidText(req.query, 'query');
  next();
};

/** Parses a request part with a schema, or throws our 400 naming each bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, where: Where = 'body'): z.infer<T> {
  // Body and query were checked as they came in (read-json-body, refuseInvalidQuery); params here.
  if (where === 'params') refuseInvalidText(input, where);
  // reportInput: the issues carry the offending value, so a missing field reads "is required".
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}
