import type { Request, Response } from 'express';
import { AppError } from './errors';

/** The versions an edit was made against (`If-Match`); undefined: any version (no header, or `*`). */
export type ExpectedVersions = readonly string[] | undefined;

const ENTITY_TAG = /^(?:W\/)?"([^"]+)"$/;

/** `If-Match: "2026-12-05T10:42:00.000Z"` (the ETag the record was read with; several may be listed) → its versions. */
export function readIfMatch(req: Request): ExpectedVersions {
  const header = req.get('if-match');
  if (header === undefined || header.trim() === '*') return undefined;
  const versions = header.split(',').map((tag) => ENTITY_TAG.exec(tag.trim())?.[1]);
  if (versions.some((version) => version === undefined)) {
    throw new AppError('VALIDATION_FAILED', 'Invalid If-Match header: send the ETag the record was read with, in quotes', { 'If-Match': 'must be an ETag in quotes, like "2026-12-05T10:42:00.000Z"' });
  }
  return versions as string[];
}

/** A record's ETag: its version, which every write of it changes. */
export const setEtag = (res: Response, version: string): void => void res.set('ETag', `"${version}"`);

/**
 * 412 when the record changed after the caller read it: their edit would overwrite a change they
 * have not seen. Nothing is written; the message says what to do.
 */
export function assertVersion(current: string, expected: ExpectedVersions, record: 'lead' | 'buyer'): void {
  if (expected === undefined || expected.includes(current)) return;
  throw new AppError(
    'PRECONDITION_FAILED',
    `Someone else changed this ${record} after you opened it, so nothing was saved. Open it again to see their change, then make yours`,
    { 'If-Match': `is not the ${record}'s current version (${current})` },
  );
}
