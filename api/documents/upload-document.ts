import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ALLOWED_DOCUMENT_TYPE_NAMES, isAllowedDocumentType } from '../../domain/documents/document-files';
import type { DocumentItem, uploadDocumentFieldsSchema } from '../../domain/documents/document.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import type { IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { AppError } from '../errors';
import type { TemporalDeps } from '../temporal/client';
import { saveDocument } from './create-document';
import type { DocumentStorage, ReceivedFile } from './receive-upload';
import { sniffFileType } from './sniff-file-type';

/** Where a stored file lies: its content hash under DOCUMENTS_DIR (the hash is all hex, so nothing escapes the folder). */
export const storedFilePath = (storage: Pick<DocumentStorage, 'dir'>, storagePath: string): string => path.join(storage.dir, path.basename(storagePath));

/**
 * `POST /api/documents` with a file: its type sniffed from the content (PDF, PNG, JPEG, HEIC,
 * DOCX, XLSX or TXT, else 400), moved under its SHA-256 (the same content is stored once), and
 * the document saved with the name the user gave it for the download. A file refused or left
 * without a document is deleted (the upload's temp file by receiveUpload once answered).
 */
export async function uploadDocument(
  deps: TemporalDeps & { db: Db; storage: DocumentStorage },
  file: ReceivedFile,
  { expiresAt, ...fields }: z.infer<typeof uploadDocumentFieldsSchema>,
  actor: PublicUser,
  claim?: IdempotencyClaim,
): Promise<DocumentItem> {
  if (file.sizeBytes === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty', { file: 'is empty' });
  const mimeType = await sniffFileType(file.tempPath);
  if (!mimeType || !isAllowedDocumentType(mimeType)) {
    throw new AppError('VALIDATION_FAILED', `This file type cannot be uploaded${mimeType ? ` (${mimeType})` : ''}: upload a ${ALLOWED_DOCUMENT_TYPE_NAMES} file`, {
      file: `must be a ${ALLOWED_DOCUMENT_TYPE_NAMES} file`,
    });
  }
  const target = storedFilePath(deps.storage, file.sha256);
  const existed = await fs.access(target).then(
    () => true,
    () => false,
  );
  await fs.rename(file.tempPath, target);
  try {
    const fileName = file.originalName.trim().slice(0, 255) || 'document';
    return await saveDocument(
      deps,
      { ...fields, fileName, storagePath: file.sha256, sizeBytes: file.sizeBytes, mimeType: mimeType === 'image/heif' ? 'image/heic' : mimeType, expiresAt: expiresAt ? new Date(expiresAt) : null },
      actor,
      claim,
    );
  } catch (error) {
    // Nothing else holds this content: the file goes with the refused document.
    if (!existed && (await deps.db.document.count({ where: { storagePath: file.sha256 } })) === 0) await fs.rm(target, { force: true });
    throw error;
  }
}
