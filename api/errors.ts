import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import { fieldLabel, problemInWords } from '../domain/labels/field-labels';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  // Well-formed, but a rule refuses it (e.g. an admin deactivating themselves).
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  // The record exists already (same address key, same buyer contact); `existingId` names it.
  DUPLICATE: 409,
  // A one-time link used already or expired.
  GONE: 410,
  // An edit made against a version of the record that is no longer its current one (If-Match).
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Sent as `Retry-After` (seconds), with a 429 or a 503. */
    readonly retryAfterSeconds?: number,
    /** A DUPLICATE's record that exists already. */
    readonly existingId?: string,
  ) {
    super(message);
  }
}

const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list' };

// zod's own wording ("Invalid input: expected number…", "Too small: …") starts so; a schema's own sentence does not.
const isZodDefault = (message: string): boolean => /^(Invalid|Too (small|big)\b)/.test(message);

function describeIssue(issue: z.core.$ZodIssue): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && !isZodDefault(issue.message)) return issue.message;
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && 'input' in issue && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type') return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

/** A zod failure as our 400: every field named, with what is wrong with it. */
export function validationError(error: z.ZodError, where = 'body'): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= 'cannot be set here';
      continue;
    }
    const key = issue.path.length > 0 ? issue.path.join('.') : where;
    fields[key] ??= describeIssue(issue);
  }
  const summary = Object.entries(fields)
    // A problem worded as a whole sentence ("Enter the offer amount") stands alone.
    // Otherwise the field as the forms name it ("Max price", not maxPrice), and enum values in words.
    .map(([field, problem]) => (/^[A-Z]/.test(problem) && !isZodDefault(problem) ? problem : `${field === where ? where : fieldLabel(field)} ${problemInWords(problem)}`))
    .join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid ${where}: ${summary}`, fields);
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No route ${req.method} ${req.path}`));
};

// Prisma's known request errors that a client's input (or a race between two requests) can cause.
const PRISMA_ERRORS: Record<string, [ErrorCode, string]> = {
  P2002: ['CONFLICT', 'That record exists already'],
  P2003: ['UNPROCESSABLE', 'A referenced record does not exist'],
  P2025: ['NOT_FOUND', 'The record does not exist'],
  // SQLite's write lock stayed with another process past the busy timeout: nothing was written.
  P1008: ['SERVICE_UNAVAILABLE', 'The database is busy; nothing was saved, try again in a moment'],
};

export { isUniqueViolation } from '../db/unique-violation';

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const prismaCode = (error as { code?: unknown; clientVersion?: unknown }).clientVersion ? (error as { code?: string }).code : undefined;
  const known = prismaCode ? PRISMA_ERRORS[prismaCode] : undefined;
  if (known) return new AppError(known[0], known[1]);
  const httpError = error as { type?: string; status?: number; message?: string; limit?: number };
  if (httpError.type === 'entity.parse.failed') return new AppError('INVALID_JSON', 'The request body is not valid JSON');
  if (httpError.type === 'entity.too.large') {
    // body-parser names the limit it applied; the body as a whole is what is over it.
    const limit = typeof httpError.limit === 'number' ? `${Math.floor(httpError.limit / 1024)} KB` : 'the limit';
    return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${limit}: shorten the longest text in it`, { body: `must be at most ${limit}` });
  }
  if (httpError.type === 'encoding.unsupported' || httpError.type === 'charset.unsupported') {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', httpError.message ?? 'Unsupported encoding');
  }
  if (typeof httpError.status === 'number' && httpError.status >= 400 && httpError.status < 500) {
    return new AppError('VALIDATION_FAILED', httpError.message ?? 'Bad request');
  }
  return new AppError('INTERNAL', 'Something went wrong on our side; it has been logged');
}

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') console.error(`${req.method} ${req.path}:`, error);
  if (appError.retryAfterSeconds !== undefined) res.set('Retry-After', String(Math.max(1, Math.ceil(appError.retryAfterSeconds))));
  res.status(ERROR_STATUS[appError.code]).json({
    error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}), ...(appError.existingId ? { existingId: appError.existingId } : {}) },
  });
};
