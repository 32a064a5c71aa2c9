import { z } from 'zod';

/** What the web app needs to know about its server (`GET /api/config`). */
export const clientConfigSchema = z.object({
  temporalUiUrl: z.string(),
  /** The largest file a document upload takes (DOCUMENT_MAX_MB), in bytes: the page says so and refuses bigger files before sending them. */
  documentMaxBytes: z.number().int().positive(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
