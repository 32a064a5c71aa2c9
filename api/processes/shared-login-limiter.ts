import type { LoginLimiter } from '../auth/login-limiter';
import type { CallHandlers } from './primary-calls';

/**
 * One login limiter for every API process on a machine: the primary keeps the counts and each
 * process asks it (primary-calls), so an attacker gets the limit once, whichever process their
 * connections land on. The primary's 429 reaches the caller as the same AppError.
 */

/** The primary's handlers for its limiter. */
export const limiterHandlers = (limiter: LoginLimiter): CallHandlers => ({
  'login.assertAllowed': (email: string, ip: string) => limiter.assertAllowed(email, ip),
  'login.recordFailure': (email: string, ip: string) => limiter.recordFailure(email, ip),
  'login.recordSuccess': (email: string, ip: string) => limiter.recordSuccess(email, ip),
});

/** A process's limiter, the primary's counts behind it. */
export function limiterOfPrimary(callPrimary: (name: string, ...args: unknown[]) => Promise<unknown>): LoginLimiter {
  return {
    assertAllowed: async (email, ip) => void (await callPrimary('login.assertAllowed', email, ip)),
    recordFailure: async (email, ip) => void (await callPrimary('login.recordFailure', email, ip)),
    recordSuccess: async (email, ip) => void (await callPrimary('login.recordSuccess', email, ip)),
  };
}
