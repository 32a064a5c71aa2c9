import { z } from 'zod';

/** Every API error answers this one body; `fields` names each bad input field with its problem. */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional(), existingId: z.string().optional() }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
