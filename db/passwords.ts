import { hash, verify } from '@node-rs/argon2';

// The passwordHash column's format, shared by the API (sign-in, user admin) and the seeds, which
// must not import the API. Argon2id with the library's defaults (19 MiB, 2 passes): memory-hard, as OWASP recommends.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
