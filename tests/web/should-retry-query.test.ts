import { ApiError } from '../../web/src/lib/api-client';
import { shouldRetryQuery } from '../../web/src/lib/should-retry-query';

jest.setTimeout(180_000);

describe('shouldRetryQuery', () => {
  it.each([
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
    [422, false],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
  ])('an answer %i is retried: %s', (status, retried) => {
    expect(shouldRetryQuery(0, new ApiError(status, 'CODE', 'message'))).toBe(retried);
  });

  it('retries a request that never reached the server, twice at most', () => {
    const offline = new TypeError('Failed to fetch');
    expect([0, 1, 2].map((failures) => shouldRetryQuery(failures, offline))).toEqual([true, true, false]);
  });
});
