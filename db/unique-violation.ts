/** Whether a write failed on a unique constraint (Prisma's P2002): another request wrote the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'P2002';
}

/**
 * `write`, or `afterConflict` when another request wrote the same key first. Prisma's upsert reads
 * and then writes: on PostgreSQL two requests at once both find no row and the second insert fails
 * on the key (SQLite's single writer never let them overlap).
 */
export async function onUniqueConflict<T>(write: () => Promise<T>, afterConflict: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return afterConflict();
  }
}
