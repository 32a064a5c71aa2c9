import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Request, RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { AppError } from '../errors';
import { refuseInvalidText } from '../validate';

/** Largest list accepted: a 100k-row export with its skip-trace columns is about 60 MB. */
export const IMPORT_MAX_BYTES = 300 * 1024 * 1024;

export interface ReceivedImportFile {
  path: string;
  originalName: string;
}

const received = new WeakMap<Request, ReceivedImportFile>();
export const receivedImportFile = (req: Request): ReceivedImportFile => {
  const file = received.get(req);
  if (!file) throw new AppError('VALIDATION_FAILED', 'Choose a CSV file to import', { file: 'is required' });
  return file;
};

/**
 * Streams the multipart `file` to `<dir>/incoming/<random>.csv` (nothing named by the user touches
 * the disk); the route moves it to keep it, and whatever is left is deleted once the answer is sent.
 */
export function receiveImportFile(dir: string): RequestHandler {
  const incoming = path.join(dir, 'incoming');
  const upload = multer({
    storage: multer.diskStorage({
      destination: (_req, _file, done) => {
        fs.mkdir(incoming, { recursive: true }, (error) => done(error, incoming));
      },
      filename: (_req, _file, done) => done(null, `${randomUUID()}.csv`),
    }),
    defParamCharset: 'utf8',
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 11 },
  }).single('file');
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the list as multipart/form-data with the CSV in the part named "file"'));
    res.on('close', () => {
      const file = received.get(req);
      if (file && fs.existsSync(file.path)) fs.rmSync(file.path, { force: true });
    });
    upload(req, res, (error: unknown) => {
      if (req.file) received.set(req, { path: req.file.path, originalName: req.file.originalname });
      if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE') {
        return next(new AppError('PAYLOAD_TOO_LARGE', `The list is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it`, { file: 'is too large' }));
      }
      if (error instanceof MulterError) return next(new AppError('VALIDATION_FAILED', `The upload is malformed: ${error.message}`, { [error.field ?? 'body']: error.message }));
      if (error instanceof Error && !('syscall' in error)) return next(new AppError('VALIDATION_FAILED', `The upload is malformed: ${error.message}`, { body: 'is not a readable multipart/form-data body' }));
      if (error) return next(error);
      try {
        refuseInvalidText(req.body, 'body');
        next();
      } catch (refusal) {
        next(refusal);
      }
    });
  };
}
