import { z } from 'zod';
import { queryInt } from '../validation/fields';

const TARGETS = ['leadId', 'buyerId', 'taskId', 'offerId'] as const;

export const createNoteInputSchema = z
  .object({
    body: z.string().trim().min(1, 'is required').max(10_000, 'must be at most 10000 characters'),
    leadId: z.string().min(1).optional(),
    buyerId: z.string().min(1).optional(),
    taskId: z.string().min(1).optional(),
    offerId: z.string().min(1).optional(),
  })
  // A field a note does not take is a 400 naming it ("cannot be set here"), not ignored.
  .strict()
  .refine((note) => TARGETS.filter((target) => note[target] !== undefined).length === 1, {
    message: 'give exactly one of leadId, buyerId, taskId, offerId',
    path: ['leadId'],
  });
export type CreateNoteInput = z.infer<typeof createNoteInputSchema>;

/** The new text; a note stays on its lead, buyer, task or offer, so naming one is a 400 like any other field. */
export const updateNoteInputSchema = z
  .object({
    body: z.string().trim().min(1, 'is required').max(10_000, 'must be at most 10000 characters'),
  })
  .strict();

export const listNotesQuerySchema = z
  .object({
    leadId: z.string().min(1).optional(),
    buyerId: z.string().min(1).optional(),
    taskId: z.string().min(1).optional(),
    offerId: z.string().min(1).optional(),
    limit: queryInt(1, 200).default(100),
  })
  .refine((query) => TARGETS.some((target) => query[target] !== undefined), { message: 'give one of leadId, buyerId, taskId, offerId', path: ['leadId'] });

export const noteSchema = z.object({
  id: z.string(),
  body: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  leadId: z.string().nullable(),
  buyerId: z.string().nullable(),
  taskId: z.string().nullable(),
  offerId: z.string().nullable(),
  editedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof noteSchema>;
