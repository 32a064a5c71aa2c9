import { useState } from 'react';

// crypto.randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere.
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per form submission. Sending the same values again after a failure (the
 * answer was lost, the server was down) reuses the key, so the server answers the first result
 * instead of creating twice; a success, or changed values, starts a new submission with a new key.
 */
export function createSubmissionKey(makeKey: () => string = newKey) {
  let pending: { values: string; key: string } | undefined;
  return {
    async send<T>(values: unknown, post: (idempotencyKey: string) => Promise<T>): Promise<T> {
      const json = JSON.stringify(values);
      if (pending?.values !== json) pending = { values: json, key: makeKey() };
      const result = await post(pending.key);
      pending = undefined;
      return result;
    },
  };
}
export type SubmissionKey = ReturnType<typeof createSubmissionKey>;

/** The form's submission key, kept across renders. */
export function useSubmissionKey(): SubmissionKey {
  return useState(() => createSubmissionKey())[0];
}
