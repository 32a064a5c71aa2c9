import type { Db } from '../client';

/** When an import's latest `import.progress` event was written (by the entityType + entityId + id index); null before the first. */
export async function lastImportProgressAt(db: Db, importId: string): Promise<Date | null> {
  const last = await db.event.findFirst({ where: { entityType: 'import', entityId: importId }, orderBy: { id: 'desc' }, select: { createdAt: true } });
  return last?.createdAt ?? null;
}
