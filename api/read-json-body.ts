import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import { AppError } from './errors';
import { refuseInvalidText } from './validate';

/** How deep arrays and objects may nest in a body; our deepest schema needs 4. */
export const MAX_JSON_DEPTH = 32;

/** A body is there when it has bytes: fetch sends `Content-Length: 0` with a bodiless POST. */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Whether brackets nest deeper than `max`, counted over the raw bytes before JSON.parse sees
 * them: one pass, no recursion, and brackets inside strings do not count. UTF-8 multi-byte
 * sequences never contain the ASCII bytes it looks at.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (inString) {
      if (byte === 0x5c) index += 1; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * The body of a JSON route, read only once the route has let the request in (after the session
 * check on authenticated routes): 415 unless it is `application/json` in UTF-8, 413 over
 * `limitBytes`, 400 for malformed JSON, invalid UTF-8, nesting deeper than MAX_JSON_DEPTH or
 * invalid text (see domain/validation/text.ts). A request without a body passes with none, and a
 * `multipart/form-data` one to a route in `multipartRoutes` ("POST /documents") passes unread:
 * that route reads it itself (api/documents/receive-upload.ts). Such a route says whether it also
 * takes JSON, so a 415 names what it does take.
 */
export function readJsonBody({ limitBytes, multipartRoutes = {} }: { limitBytes: number; multipartRoutes?: Readonly<Record<string, { alsoJson: boolean }>> }): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!hasBody(req)) return next();
    const multipart = multipartRoutes[`${req.method} ${req.path.replace(/\/$/, '')}`];
    if (multipart && req.is('multipart/form-data')) return next();
    const type = req.get('content-type');
    if (!type || !req.is('application/json') || (multipart && !multipart.alsoJson)) {
      const json = 'JSON (Content-Type: application/json)';
      const upload = 'multipart/form-data with the file in the part named "file"';
      const accepted = !multipart ? json : multipart.alsoJson ? `${upload}, or as ${json}` : upload;
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the body as ${accepted}, not ${type ?? 'without a Content-Type'}`);
    }
    const charset = /;\s*charset="?([^";]+)/i.exec(type)?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the body as UTF-8 JSON (Content-Type: application/json; charset=utf-8), not ${charset}`);
    }
    if (req.get('content-encoding') && req.get('content-encoding') !== 'identity') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the body uncompressed, not ${req.get('content-encoding')}`);
    }
    next();
  };
  const parse = express.json({
    limit: limitBytes,
    inflate: false,
    // Runs on the raw bytes before JSON.parse: a thrown AppError is the answer.
    verify: (_req, _res, bytes) => {
      if (!isUtf8(bytes)) throw new AppError('VALIDATION_FAILED', 'The request body is not valid UTF-8', { body: 'is not valid UTF-8' });
      if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
        throw new AppError('VALIDATION_FAILED', `The request body nests deeper than ${MAX_JSON_DEPTH} levels`, { body: `nests deeper than ${MAX_JSON_DEPTH} levels` });
      }
    },
  });
  const checkText: RequestHandler = (req, _res, next) => {
    if (req.body !== undefined) refuseInvalidText(req.body, 'body');
    next();
  };
  return [requireJson, parse, checkText];
}
