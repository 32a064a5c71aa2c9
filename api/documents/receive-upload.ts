import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler } from 'express';
import multer, { MulterError, type StorageEngine } from 'multer';
import { ALLOWED_DOCUMENT_TYPE_NAMES, documentMaxMegabytes, fileTooLargeMessage } from '../../domain/documents/document-files';
import { AppError } from '../errors';
import { refuseInvalidText } from '../validate';

export interface DocumentStorage {
  /** DOCUMENTS_DIR: files under their content hash, uploads in progress under `incoming/`. */
  dir: string;
  /** Largest file accepted (DOCUMENT_MAX_MB). */
  maxBytes: number;
}

/** The file of a multipart upload as it lies on disk, not yet under its content-hash name. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  sizeBytes: number;
  originalName: string;
}

const receivedFiles = new WeakMap<Request, ReceivedFile>();
/**
 * A request's file still being written or removed. Multer answers a part that broke off (a
 * truncated body) as soon as the part's stream fails, before the storage has removed what it
 * wrote, so the answer waits for this: a refused upload has left nothing on disk when it is sent.
 */
const fileWrites = new WeakMap<Request, Promise<void>>();

/** The file `receiveUpload` took in for this request, if it was a multipart upload. */
export const receivedFile = (req: Request): ReceivedFile | undefined => receivedFiles.get(req);

const incomingDir = (storage: DocumentStorage): string => path.join(storage.dir, 'incoming');

/** Streams the part to `incoming/<random>` and hashes it on the way: nothing named by the user touches the disk. */
function hashingStorage(storage: DocumentStorage): StorageEngine {
  return {
    _handleFile(req, file, callback) {
      const tempPath = path.join(incomingDir(storage), randomUUID());
      const hash = createHash('sha256');
      let sizeBytes = 0;
      // Hashed on its way to the disk, in the pipeline (a 'data' listener would start the flow before the file is open).
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          done(null, chunk);
        },
      });
      const written = fs.promises
        .mkdir(incomingDir(storage), { recursive: true })
        .then(() => pipeline(file.stream, hashing, fs.createWriteStream(tempPath, { flags: 'wx' })))
        .then(
          async () => {
            // Refused already (over the limit, the answer sent while the part was written): nobody will take it.
            if (req.res?.headersSent) {
              await fs.promises.rm(tempPath, { force: true });
              return callback(null, { path: tempPath, size: sizeBytes });
            }
            receivedFiles.set(req, { tempPath, sha256: hash.digest('hex'), sizeBytes, originalName: file.originalname });
            callback(null, { path: tempPath, size: sizeBytes });
          },
          async (error: Error) => {
            await fs.promises.rm(tempPath, { force: true });
            callback(error);
          },
        );
      fileWrites.set(req, written.catch(() => undefined));
    },
    _removeFile(req, file, callback) {
      receivedFiles.delete(req);
      fs.rm(file.path, { force: true }, callback);
    },
  };
}

/** A multipart body busboy could not read ("Boundary not found", "Unexpected end of form", a malformed header): the client's fault. */
const isMalformedBody = (error: unknown): error is Error =>
  error instanceof Error && !(error instanceof AppError) && !(error instanceof MulterError) && !('syscall' in error);

function toUploadError(error: unknown, storage: DocumentStorage): unknown {
  if (isMalformedBody(error)) return new AppError('VALIDATION_FAILED', `The upload is malformed: ${error.message}`, { body: 'is not a readable multipart/form-data body' });
  if (!(error instanceof MulterError)) return error;
  if (error.code === 'LIMIT_FILE_SIZE') {
    return new AppError('PAYLOAD_TOO_LARGE', fileTooLargeMessage(storage.maxBytes), { file: `must be at most ${documentMaxMegabytes(storage.maxBytes)} MB` });
  }
  if (error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT') {
    return new AppError('VALIDATION_FAILED', 'Send one file, in the part named "file"', { file: 'send one file in the part named "file"' });
  }
  return new AppError('VALIDATION_FAILED', `The upload is malformed: ${error.message}`, { [error.field ?? 'body']: error.message });
}

/**
 * Reads a multipart upload (`file` and the text fields) for the routes that take files; any other
 * request passes untouched to the JSON routes. The file is streamed to disk under a random name in
 * `incoming/`, at most `maxBytes` (413 beyond, the part already written deleted); whatever the
 * route does not move under its content hash is deleted once the answer is sent, so a refused or
 * failed upload leaves nothing on disk. The file's SHA-256 joins the fields in `req.body`, so an
 * Idempotency-Key covers the file too.
 */
export function receiveUpload(storage: DocumentStorage): RequestHandler {
  const upload = multer({
    storage: hashingStorage(storage),
    // Browsers send a file's name in UTF-8 (busboy's default would read it as Latin-1).
    defParamCharset: 'utf8',
    limits: { fileSize: storage.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
  }).single('file');
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    // Whatever the answer (created, replayed, refused), a file not moved under its hash is gone before it is sent.
    const discard = (): void => {
      const file = receivedFiles.get(req);
      receivedFiles.delete(req);
      if (file) fs.rmSync(file.tempPath, { force: true });
    };
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      discard();
      return json(body);
    };
    res.on('close', discard);
    upload(req, res, async (error: unknown) => {
      await fileWrites.get(req);
      if (error) return next(toUploadError(error, storage));
      try {
        refuseInvalidText(req.body, 'body');
        const file = receivedFiles.get(req);
        if (!file) throw new AppError('VALIDATION_FAILED', `Choose a file to upload (${ALLOWED_DOCUMENT_TYPE_NAMES})`, { file: 'is required' });
        req.body = { ...(req.body as Record<string, unknown>), fileSha256: file.sha256 };
        next();
      } catch (refusal) {
        next(refusal);
      }
    });
  };
}
