import type { Db } from '../client';

/** A lead's photo to send inline with an e-mail. */
export interface LeadPhoto {
  leadId: string;
  documentId: string;
  fileName: string;
  mimeType: string;
  /** The file's name under DOCUMENTS_DIR (its content hash). */
  storagePath: string;
  sizeBytes: number;
}

/**
 * The first photo (oldest live PHOTO document with a stored file) of each lead, among the image
 * types every mail client shows (PNG, JPEG) and no bigger than `maxBytes`.
 */
export async function findFirstLeadPhotos(db: Db, leadIds: readonly string[], maxBytes: number): Promise<Map<string, LeadPhoto>> {
  if (leadIds.length === 0) return new Map();
  const rows = await db.document.findMany({
    where: { leadId: { in: [...leadIds] }, kind: 'PHOTO', archivedAt: null, storagePath: { not: null }, mimeType: { in: ['image/jpeg', 'image/png'] }, sizeBytes: { lte: maxBytes } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, leadId: true, fileName: true, mimeType: true, storagePath: true, sizeBytes: true },
  });
  const photos = new Map<string, LeadPhoto>();
  for (const row of rows) {
    if (!row.leadId || photos.has(row.leadId)) continue;
    photos.set(row.leadId, { leadId: row.leadId, documentId: row.id, fileName: row.fileName, mimeType: row.mimeType!, storagePath: row.storagePath!, sizeBytes: row.sizeBytes ?? 0 });
  }
  return photos;
}
