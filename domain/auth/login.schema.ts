import { z } from 'zod';

export const loginInputSchema = z.object({
  email: z.string().trim().toLowerCase().email('must be an e-mail address'),
  password: z.string().min(1, 'is required'),
});
export type LoginInput = z.infer<typeof loginInputSchema>;
