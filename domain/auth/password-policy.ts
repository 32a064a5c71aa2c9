import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

// Trailing digits and symbols ("password2024!") and leading digits add little to a common word.
const DECORATION = /^[0-9]+|[0-9!@#$%^&*()_+\-=.,?~]+$/g;
const DIGIT_RING = '0123456789';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

function isRepeatedUnit(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size += 1) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return true;
  }
  return false;
}

function isRun(text: string): boolean {
  for (const ring of [DIGIT_RING, ALPHABET]) {
    for (const line of [ring, [...ring].reverse().join('')]) {
      const doubled = line + line;
      if (text.length > 2 && doubled.includes(text)) return true;
    }
  }
  return false;
}

/**
 * What is wrong with a new password, or null when it is acceptable: at least 12 characters (at
 * most 200), not one short pattern repeated ("aaaaaaaaaaaa", "abcabcabcabc"), not a run of the
 * alphabet or the digits, and not a common password, with or without digits and symbols around
 * it. `commonPasswords` holds lower-case entries; pass an empty set where the list is not loaded
 * (the browser), and the server checks the list.
 */
export function findPasswordProblem(password: string, commonPasswords: ReadonlySet<string>): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  const core = lower.replace(DECORATION, '');
  const cores = core.length >= 4 && core !== lower ? [lower, core] : [lower];
  if (cores.some(isRepeatedUnit)) return 'must not be one short pattern repeated';
  if (cores.some(isRun)) return 'must not be a run of letters or digits';
  if (cores.some((candidate) => commonPasswords.has(candidate))) {
    return 'is too common: choose one that is not on the lists of leaked passwords, e.g. a few unrelated words';
  }
  return null;
}

/** A new password's field: the policy above; without a list, the server adds the list's check. */
export function newPasswordSchema(commonPasswords: ReadonlySet<string> = new Set()) {
  return z.string().superRefine((password, context) => {
    const problem = findPasswordProblem(password, commonPasswords);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}
