import { ApiError } from './api-client';

const MAX_RETRIES = 2;
// A timeout or a rate limit may pass on a second try; any other 4xx answers the same way again.
const RETRYABLE_CLIENT_ERRORS = new Set([408, 429]);

/** TanStack Query's `retry`: network failures and 5xx are tried twice more; a 404 or 400 shows at once. */
export function shouldRetryQuery(failures: number, error: unknown): boolean {
  if (failures >= MAX_RETRIES) return false;
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || RETRYABLE_CLIENT_ERRORS.has(error.status);
}
