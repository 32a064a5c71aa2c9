import { AppError, type ErrorCode } from '../errors';

/**
 * Calls from an API process to the primary of several (node:cluster) over their IPC channel, for
 * what one process cannot know alone: the sign-in limits, the metrics of all. An AppError thrown
 * in the primary is thrown again in the caller as the same AppError; anything else as an Error.
 */

const KIND = 'flipstackk:primary-call';

interface Call {
  kind: typeof KIND;
  id: number;
  name: string;
  args: unknown[];
}

interface Reply {
  kind: typeof KIND;
  id: number;
  value?: unknown;
  appError?: { code: ErrorCode; message: string; fields?: Record<string, string>; retryAfterSeconds?: number };
  failure?: string;
}

/** Both ends of an IPC channel: a cluster worker as the primary sees it, or `process` in the worker. */
export interface CallChannel {
  send(message: Call | Reply): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

export type CallHandlers = Record<string, (...args: never[]) => unknown>;

const isOurs = (message: unknown): message is Call & Reply => typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === KIND;

function replyOf(id: number, error: unknown): Reply {
  if (error instanceof AppError) {
    const { code, message, fields, retryAfterSeconds } = error;
    return { kind: KIND, id, appError: { code, message, ...(fields ? { fields } : {}), ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) } };
  }
  return { kind: KIND, id, failure: error instanceof Error ? error.message : String(error) };
}

/** The primary's side: answers one process's calls with these handlers. */
export function answerCalls(channel: CallChannel, handlers: CallHandlers): void {
  channel.on('message', (message) => {
    if (!isOurs(message) || typeof message.name !== 'string') return;
    const { id, name, args } = message;
    const handler = Object.hasOwn(handlers, name) ? (handlers[name] as (...args: unknown[]) => unknown) : undefined;
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`the primary answers no call named ${name}`);
        return handler(...args);
      })
      .then(
        (value) => channel.send({ kind: KIND, id, value }),
        (error: unknown) => channel.send(replyOf(id, error)),
      );
  });
}

/** A process's side: calls the primary's handlers by name. */
export function callPrimaryOver(channel: CallChannel): (name: string, ...args: unknown[]) => Promise<unknown> {
  let nextId = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  channel.on('message', (message) => {
    if (!isOurs(message)) return;
    const caller = waiting.get(message.id);
    if (!caller) return;
    waiting.delete(message.id);
    const { appError, failure } = message;
    if (appError) caller.reject(new AppError(appError.code, appError.message, appError.fields, appError.retryAfterSeconds));
    else if (failure !== undefined) caller.reject(new Error(`primary process: ${failure}`));
    else caller.resolve(message.value);
  });
  return (name, ...args) =>
    new Promise((resolve, reject) => {
      const id = (nextId += 1);
      waiting.set(id, { resolve, reject });
      channel.send({ kind: KIND, id, name, args });
    });
}
