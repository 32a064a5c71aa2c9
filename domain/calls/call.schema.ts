import { z } from 'zod';
import { DEAD_REASONS, type DeadReason, type LeadStatus } from '../leads/lead.schema';
import { optionalText } from '../validation/fields';
import { CALL_OUTCOMES } from './call-outcomes';
export { CALL_OUTCOMES, type CallOutcome } from './call-outcomes';

/** The statuses a talk may move a lead to. */
export const TALKED_STATUSES = ['CONTACTED', 'QUALIFIED'] as const;

/** `POST /api/leads/:id/calls`. */
export const logCallInputSchema = z
  .object({
    outcome: z.enum(CALL_OUTCOMES, { error: `must be one of ${CALL_OUTCOMES.join(', ')}` }),
    note: optionalText(10_000),
    /** After a talk: where the lead goes (CONTACTED by default). */
    status: z.enum(TALKED_STATUSES, { error: 'must be CONTACTED or QUALIFIED' }).optional(),
    /** Not interested: why the lead is dead (NOT_MOTIVATED by default). */
    reason: z.enum(DEAD_REASONS, { error: `must be one of ${DEAD_REASONS.join(', ')}` }).optional(),
  })
  .strict()
  .refine((input) => input.status === undefined || input.outcome === 'TALKED', { message: 'only a talk moves the lead to a status', path: ['status'] })
  .refine((input) => input.reason === undefined || input.outcome === 'NOT_INTERESTED', { message: 'only a seller not interested gives a reason', path: ['reason'] });
export type LogCallInput = z.infer<typeof logCallInputSchema>;
/** What a client sends (the note may be left out). */
export type LogCallBody = z.input<typeof logCallInputSchema>;

export const callSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  userId: z.string(),
  outcome: z.enum(CALL_OUTCOMES),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Call = z.infer<typeof callSchema>;

export type CallEffect = { kind: 'none' } | { kind: 'retry' } | { kind: 'status'; status: LeadStatus; reason?: DeadReason };

/**
 * What a call does to its lead: no answer and voicemail re-arm the next attempt; a talk moves a
 * NEW lead to CONTACTED (or the status asked for, when the lead is not there yet); not interested
 * makes it DEAD with the reason (NOT_MOTIVATED when none); a wrong number makes it DEAD, WRONG_NUMBER.
 */
export function callEffect(current: LeadStatus, input: Pick<LogCallInput, 'outcome' | 'status' | 'reason'>): CallEffect {
  switch (input.outcome) {
    case 'NO_ANSWER':
    case 'VOICEMAIL':
      return { kind: 'retry' };
    case 'TALKED': {
      const status = input.status ?? (current === 'NEW' ? 'CONTACTED' : undefined);
      return status === undefined || status === current ? { kind: 'none' } : { kind: 'status', status };
    }
    case 'NOT_INTERESTED':
      return { kind: 'status', status: 'DEAD', reason: input.reason ?? 'NOT_MOTIVATED' };
    case 'WRONG_NUMBER':
      return { kind: 'status', status: 'DEAD', reason: 'WRONG_NUMBER' };
  }
}

export { nextCallAttemptAt } from './next-call-attempt';
