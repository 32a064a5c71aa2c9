import { createHash, randomBytes } from 'node:crypto';

/** A new one-time token for an invite link; only its hash is stored. */
export function createInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInviteToken(token) };
}

export const hashInviteToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Where the web app's invite page takes the token. */
export const invitePath = (token: string): string => `/invite/${token}`;
