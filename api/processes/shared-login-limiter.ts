import { AppError } from '../errors';
import type { LoginLimiter } from '../auth/login-limiter';

/**
 * One login limiter for every API process on a machine: the primary keeps the counts and each
 * process asks it over the cluster's IPC channel, so an attacker gets the limit once, whichever
 * process their connections land on.
 */

const KIND = 'flipstackk:login-limiter';
const METHODS = ['assertAllowed', 'recordFailure', 'recordSuccess'] as const;
type Method = (typeof METHODS)[number];

interface LimiterRequest {
  kind: typeof KIND;
  id: number;
  method: Method;
  args: string[];
}

interface LimiterReply {
  kind: typeof KIND;
  id: number;
  /** The 429 the primary's limiter threw. */
  refusal?: { message: string; retryAfterSeconds?: number };
  /** Anything else it threw. */
  failure?: string;
}

/** Both ends of an IPC channel: a cluster worker as the primary sees it, or `process` in the worker. */
export interface LimiterChannel {
  send(message: LimiterRequest | LimiterReply): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

const isOurs = (message: unknown): message is LimiterRequest & LimiterReply =>
  typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === KIND;

/** The primary's side: answers one process's requests with the limiter it keeps. */
export function answerLimiterRequests(channel: LimiterChannel, limiter: LoginLimiter): void {
  channel.on('message', (message) => {
    if (!isOurs(message) || !METHODS.includes(message.method)) return;
    const { id, method, args } = message;
    const call = async (): Promise<void> => {
      if (method === 'assertAllowed') return limiter.assertAllowed(args[0] ?? '', args[1] ?? '');
      if (method === 'recordFailure') return limiter.recordFailure(args[0] ?? '', args[1] ?? '');
      return limiter.recordSuccess(args[0] ?? '');
    };
    call().then(
      () => channel.send({ kind: KIND, id }),
      (error: unknown) =>
        channel.send(
          error instanceof AppError && error.code === 'TOO_MANY_REQUESTS'
            ? { kind: KIND, id, refusal: { message: error.message, ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }) } }
            : { kind: KIND, id, failure: error instanceof Error ? error.message : String(error) },
        ),
    );
  });
}

/** A process's side: the limiter whose counts the primary keeps. */
export function limiterOverChannel(channel: LimiterChannel): LoginLimiter {
  let nextId = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  channel.on('message', (message) => {
    if (!isOurs(message)) return;
    const caller = waiting.get(message.id);
    if (!caller) return;
    waiting.delete(message.id);
    if (message.refusal) caller.reject(new AppError('TOO_MANY_REQUESTS', message.refusal.message, undefined, message.refusal.retryAfterSeconds));
    else if (message.failure !== undefined) caller.reject(new Error(`login limiter: ${message.failure}`));
    else caller.resolve();
  });
  const ask = (method: Method, ...args: string[]): Promise<void> =>
    new Promise((resolve, reject) => {
      const id = (nextId += 1);
      waiting.set(id, { resolve, reject });
      channel.send({ kind: KIND, id, method, args });
    });
  return {
    assertAllowed: (email, ip) => ask('assertAllowed', email, ip),
    recordFailure: (email, ip) => ask('recordFailure', email, ip),
    recordSuccess: (email) => ask('recordSuccess', email),
  };
}
