import fs from 'node:fs';
import type { Response } from 'express';
import { contentDisposition, isPreviewable } from '../../domain/documents/document-files';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { AppError } from '../errors';
import type { DocumentStorage } from './receive-upload';
import { findDocumentFor } from './find-document';
import { storedFilePath } from './upload-document';

/**
 * `GET /api/documents/:id/file`: the file, to whoever may see the document (its record's owner,
 * its uploader, acquisitions, supervisors, admins), with the sniffed Content-Type and a
 * Content-Disposition that is `inline` for PDFs and images (the page previews them) and
 * `attachment` otherwise, under the name the user gave it, escaped.
 */
export async function sendDocumentFile(deps: { db: Db; storage: DocumentStorage }, documentId: string, user: PublicUser, res: Response): Promise<void> {
  const doc = await findDocumentFor(deps.db, documentId, user, 'read');
  if (!doc.storagePath) throw new AppError('NOT_FOUND', `Document ${documentId} has no file (it was recorded without one)`);
  const filePath = storedFilePath(deps.storage, doc.storagePath);
  const stat = await fs.promises.stat(filePath).catch(() => null);
  if (!stat) throw new AppError('NOT_FOUND', `The file of document ${documentId} is missing from the document store`);
  const mimeType = doc.mimeType ?? 'application/octet-stream';
  const inline = isPreviewable(mimeType);
  res.set({
    'Content-Type': mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : mimeType,
    'Content-Length': String(stat.size),
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', doc.fileName),
    // The file is only ever shown as what it is: no scripts, no sniffing it into a page (Chrome's
    // PDF viewer refuses a sandboxed document, so only downloads are sandboxed).
    'Content-Security-Policy': `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'${inline ? '' : '; sandbox'}`,
    'Cache-Control': 'private, no-store',
  });
  await new Promise<void>((resolve, reject) => {
    const stream = fs.createReadStream(filePath);
    stream.on('error', reject);
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
