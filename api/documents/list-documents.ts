import type { z } from 'zod';
import type { DocumentItem, listDocumentsQuerySchema } from '../../domain/documents/document.schema';
import type { Db } from '../../db/client';
import { toDocumentJson } from '../../db/rows';

/** The documents of a lead, buyer or offer, newest first (200 at most). */
export async function listDocuments(db: Db, target: z.infer<typeof listDocumentsQuerySchema>): Promise<{ items: DocumentItem[] }> {
  const docs = await db.document.findMany({ where: target, orderBy: { createdAt: 'desc' }, take: 200 });
  return { items: docs.map(toDocumentJson) };
}
