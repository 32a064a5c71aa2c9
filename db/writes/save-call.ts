import type { Call, CallOutcome } from '../../domain/calls/call.schema';
import type { Call as CallRow, Lead as LeadRow } from '../../prisma/generated/client';
import type { Db } from '../client';
import { toLeadJson } from '../rows';
import { saveLeadScore } from './lead-score';
import { recordEvent } from './record-event';

export function toCallJson(call: CallRow): Call {
  return { id: call.id, leadId: call.leadId, userId: call.userId, outcome: call.outcome as CallOutcome, note: call.note, createdAt: call.createdAt.toISOString() };
}

export interface SaveCallInput {
  leadId: string;
  userId: string;
  callerName: string;
  outcome: CallOutcome;
  note?: string;
}

/** Saves a call with its `lead.call_logged` event, the lead's last call time and its score, in one transaction. */
export async function saveCall(db: Db, input: SaveCallInput, now = new Date()): Promise<{ call: Call; lead: LeadRow }> {
  return db.$transaction(async (tx) => {
    const row = await tx.call.create({ data: { leadId: input.leadId, userId: input.userId, outcome: input.outcome, note: input.note ?? null, createdAt: now } });
    const lead = await saveLeadScore(tx, await tx.lead.update({ where: { id: input.leadId }, data: { lastCallAt: now } }), now);
    const call = toCallJson(row);
    await recordEvent(tx, { entityType: 'lead', entityId: input.leadId, action: 'call_logged', entity: { ...toLeadJson(lead), call, callerName: input.callerName }, actorId: input.userId });
    return { call, lead };
  });
}
