import fs from 'node:fs';
import path from 'node:path';
import { findPasswordProblem } from '../../domain/auth/password-policy';
import { AppError } from '../errors';

let loaded: ReadonlySet<string> | undefined;

/** The shipped list of common passwords (common-passwords.txt), read once per process. */
export function commonPasswords(): ReadonlySet<string> {
  loaded ??= new Set(
    fs
      .readFileSync(path.join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return loaded;
}

/** Throws the 400 naming `field` when a password being set breaks the policy, the common list included. */
export function assertNewPassword(password: string, field = 'password'): void {
  const problem = findPasswordProblem(password, commonPasswords());
  if (problem) throw new AppError('VALIDATION_FAILED', `Invalid body: ${field} ${problem}`, { [field]: problem });
}
