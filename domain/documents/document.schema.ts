import { z } from 'zod';
import { isoDateTime } from '../validation/fields';
import { DOCUMENT_KINDS } from './document-kinds';
export { DOCUMENT_KINDS } from './document-kinds';

const TARGETS = ['leadId', 'buyerId', 'offerId'] as const;

/** Document metadata without a file (JSON): a paper document recorded by its name. Uploads are multipart (uploadDocumentFieldsSchema). */
export const createDocumentInputSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    fileName: z.string().trim().min(1, 'is required').max(255, 'must be at most 255 characters'),
    mimeType: z.string().trim().max(100).optional(),
    sizeBytes: z.number().int('must be a whole number').min(0).max(1_000_000_000).optional(),
    expiresAt: isoDateTime().optional(),
    leadId: z.string().min(1).optional(),
    buyerId: z.string().min(1).optional(),
    offerId: z.string().min(1).optional(),
  })
  .refine((doc) => TARGETS.filter((target) => doc[target] !== undefined).length === 1, {
    message: 'give exactly one of leadId, buyerId, offerId',
    path: ['leadId'],
  });

const expiresAtField = isoDateTime();

/**
 * The text fields of a multipart upload (`POST /api/documents` with a `file` part). A form's empty
 * expiry means none.
 */
export const uploadDocumentFieldsSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    expiresAt: z.preprocess((value) => (value === '' ? undefined : value), expiresAtField.optional()),
    leadId: z.string().min(1).optional(),
    buyerId: z.string().min(1).optional(),
    offerId: z.string().min(1).optional(),
  })
  .refine((doc) => TARGETS.filter((target) => doc[target] !== undefined).length === 1, {
    message: 'give exactly one of leadId, buyerId, offerId',
    path: ['leadId'],
  });

/** `PATCH /api/documents/:id`: a new kind or expiry (null: it no longer expires). */
export const updateDocumentInputSchema = z
  .object({ kind: z.enum(DOCUMENT_KINDS).optional(), expiresAt: expiresAtField.nullable().optional() })
  .refine((input) => input.kind !== undefined || input.expiresAt !== undefined, { message: 'give kind or expiresAt', path: ['expiresAt'] });

/** A record's live documents, or with `archived=true` its archived ones (admins only: they purge them). */
export const listDocumentsQuerySchema = z
  .object({
    leadId: z.string().min(1).optional(),
    buyerId: z.string().min(1).optional(),
    offerId: z.string().min(1).optional(),
    archived: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .transform((value) => value === 'true')
      .optional(),
  })
  .refine((query) => TARGETS.some((target) => query[target] !== undefined), { message: 'give one of leadId, buyerId, offerId', path: ['leadId'] });

export const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  fileName: z.string(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  expiresAt: z.string().nullable(),
  leadId: z.string().nullable(),
  buyerId: z.string().nullable(),
  offerId: z.string().nullable(),
  uploadedById: z.string(),
  /** Whether a file was uploaded (GET /api/documents/:id/file serves it). */
  hasFile: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DocumentItem = z.infer<typeof documentSchema>;
