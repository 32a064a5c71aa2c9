import { z } from 'zod';

export const DOCUMENT_KINDS = ['PURCHASE_CONTRACT', 'ASSIGNMENT_CONTRACT', 'PROOF_OF_FUNDS', 'DISCLOSURE', 'OTHER'] as const;
const TARGETS = ['leadId', 'buyerId', 'offerId'] as const;

/** Document metadata; the file itself is stored by a later upload feature. */
export const createDocumentInputSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    fileName: z.string().trim().min(1, 'is required').max(255, 'must be at most 255 characters'),
    mimeType: z.string().trim().max(100).optional(),
    sizeBytes: z.number().int('must be a whole number').min(0).max(1_000_000_000).optional(),
    expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
    leadId: z.string().min(1).optional(),
    buyerId: z.string().min(1).optional(),
    offerId: z.string().min(1).optional(),
  })
  .refine((doc) => TARGETS.filter((target) => doc[target] !== undefined).length === 1, {
    message: 'give exactly one of leadId, buyerId, offerId',
    path: ['leadId'],
  });

export const listDocumentsQuerySchema = z
  .object({ leadId: z.string().min(1).optional(), buyerId: z.string().min(1).optional(), offerId: z.string().min(1).optional() })
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
  createdAt: z.string(),
});
export type DocumentItem = z.infer<typeof documentSchema>;
