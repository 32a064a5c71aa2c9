/** Whether a write failed on a unique constraint (Prisma's P2002): another request wrote the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'P2002';
}
