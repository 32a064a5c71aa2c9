import { randomBytes } from 'node:crypto';

let counter = 0;

/**
 * A new row id for a row inserted without Prisma (insert-rows): shaped like the ids Prisma's
 * `@default(cuid())` gives (25 lowercase letters and digits, "c" first) and, like them, sorting
 * roughly by creation: the time, a counter, then randomness. Prisma makes its own internally and
 * exports no generator.
 */
export function newRowId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}
