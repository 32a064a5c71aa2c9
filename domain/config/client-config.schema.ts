import { z } from 'zod';

/** What the web app needs to know about its server (`GET /api/config`). */
export const clientConfigSchema = z.object({ temporalUiUrl: z.string() });
export type ClientConfig = z.infer<typeof clientConfigSchema>;
