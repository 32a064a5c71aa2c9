import { AppError } from '../errors';

export interface LoginLimits {
  /** Wrong passwords for one e-mail address from one client address before that pair is locked. */
  accountMaxFailures: number;
  /**
   * Wrong passwords for one e-mail address from any client addresses before it is locked for all
   * of them: guessing spread over many addresses. Higher than `accountMaxFailures`, so someone who
   * knows an e-mail cannot lock its owner out from their own address with a few wrong passwords.
   */
  accountAnyAddressMaxFailures: number;
  /** Wrong passwords from one client address (any e-mail) before it is locked. */
  ipMaxFailures: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
  /** How long a lock lasts; the right password does not open it early. */
  lockoutMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { accountMaxFailures: 5, accountAnyAddressMaxFailures: 50, ipMaxFailures: 30, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 };

interface Counter {
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

// Forgotten counters are swept when the map grows past this; a flood of made-up addresses cannot grow it without bound.
const SWEEP_AT = 10_000;
const MAX_KEYS = 100_000;

/**
 * Counts wrong passwords per e-mail address and client address together, per e-mail address and
 * per client address, in this process's memory, and locks each for `lockoutMs` when it reaches its
 * limit. A locked account or address is refused with a 429 and `Retry-After` before any password
 * is checked. Several API processes each count on their own (see README: a shared store is what a
 * multi-process deployment needs).
 */
export function createLoginLimiter(limits: LoginLimits = DEFAULT_LOGIN_LIMITS, now: () => number = Date.now) {
  const counters = new Map<string, Counter>();

  const current = (key: string, at: number): Counter | undefined => {
    const counter = counters.get(key);
    if (counter && counter.lockedUntil <= at && at - counter.windowStart >= limits.windowMs) {
      counters.delete(key);
      return undefined;
    }
    return counter;
  };

  function sweep(at: number): void {
    for (const key of counters.keys()) current(key, at);
    // Still too many (a flood inside one window): forget the oldest first.
    for (const key of counters.keys()) {
      if (counters.size <= MAX_KEYS) break;
      counters.delete(key);
    }
  }

  function fail(key: string, max: number, at: number): void {
    let counter = current(key, at);
    if (!counter) {
      if (counters.size >= SWEEP_AT) sweep(at);
      counter = { failures: 0, windowStart: at, lockedUntil: 0 };
      counters.set(key, counter);
    }
    if (counter.lockedUntil > at) return;
    counter.failures += 1;
    if (counter.failures >= max) {
      counter.lockedUntil = at + limits.lockoutMs;
      counter.failures = 0;
      counter.windowStart = at;
    }
  }

  const accountKey = (email: string) => `account:${email.toLowerCase()}`;
  const pairKey = (email: string, ip: string) => `pair:${ip}:${email.toLowerCase()}`;
  const ipKey = (ip: string) => `ip:${ip}`;

  return {
    /** Throws the 429 (with Retry-After) while the account, the address, or the account from this address is locked. */
    assertAllowed(email: string, ip: string): void {
      const at = now();
      const lockedUntil = Math.max(...[accountKey(email), pairKey(email, ip), ipKey(ip)].map((key) => current(key, at)?.lockedUntil ?? 0));
      if (lockedUntil > at) {
        const seconds = Math.ceil((lockedUntil - at) / 1000);
        throw new AppError('TOO_MANY_REQUESTS', `Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minute(s)`, undefined, seconds);
      }
    },

    recordFailure(email: string, ip: string): void {
      const at = now();
      fail(pairKey(email, ip), limits.accountMaxFailures, at);
      fail(accountKey(email), limits.accountAnyAddressMaxFailures, at);
      fail(ipKey(ip), limits.ipMaxFailures, at);
    },

    /** The right password: the account's counts start again (the address keeps its count). */
    recordSuccess(email: string, ip: string): void {
      const at = now();
      for (const key of [accountKey(email), pairKey(email, ip)]) {
        const counter = current(key, at);
        if (counter && counter.lockedUntil <= at) counters.delete(key);
      }
    },
  };
}

/**
 * What sign-in and password changes ask of a limiter: this process's own (createLoginLimiter), or
 * the one the primary of several API processes keeps for all of them (api/processes).
 */
export interface LoginLimiter {
  /** Rejects with the 429 (with Retry-After) while the account or the address is locked. */
  assertAllowed(email: string, ip: string): void | Promise<void>;
  recordFailure(email: string, ip: string): void | Promise<void>;
  recordSuccess(email: string, ip: string): void | Promise<void>;
}
