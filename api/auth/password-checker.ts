import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../db/passwords';
import { AppError } from '../errors';

export interface PasswordHashing {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

export const ARGON2_HASHING: PasswordHashing = { hash: hashPassword, verify: verifyPassword };

/**
 * Argon2 hashing and checking, at most `maxConcurrent` at a time (each takes ~19 MiB and most of
 * a core): a flood of sign-ins waits in line instead of starving every other request, and a line
 * longer than `maxQueued` is refused with a 503. Checking a password of no one (`null`) runs the
 * same work against a dummy hash made once, so an unknown e-mail takes as long as a known one.
 */
export function createPasswordChecker({ maxConcurrent, maxQueued = 200, hashing = ARGON2_HASHING }: { maxConcurrent: number; maxQueued?: number; hashing?: PasswordHashing }) {
  let active = 0;
  const waiting: Array<() => void> = [];
  let dummyHash: Promise<string> | undefined;

  async function limited<T>(work: () => Promise<T>): Promise<T> {
    if (active < maxConcurrent) {
      active += 1;
    } else {
      if (waiting.length >= maxQueued) throw new AppError('SERVICE_UNAVAILABLE', 'Too many sign-ins at once: try again in a moment', undefined, 1);
      // The one finishing hands its slot over, so `active` does not change.
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  }

  return {
    hash(password: string): Promise<string> {
      return limited(() => hashing.hash(password));
    },

    /** True when `password` matches `passwordHash`; always false (after the same work) for `null`. */
    async verify(passwordHash: string | null, password: string): Promise<boolean> {
      if (passwordHash === null) {
        dummyHash ??= limited(() => hashing.hash(randomBytes(18).toString('base64url'))).catch((error: unknown) => {
          dummyHash = undefined;
          throw error;
        });
        const dummy = await dummyHash;
        await limited(() => hashing.verify(dummy, password));
        return false;
      }
      return limited(() => hashing.verify(passwordHash, password));
    },
  };
}
export type PasswordChecker = ReturnType<typeof createPasswordChecker>;
