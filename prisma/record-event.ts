import type { Prisma } from './generated/client';
import type { EntityType } from '../domain/events/event-name';

export interface EventInput {
  entityType: EntityType;
  entityId: string;
  action: string;
  entity: unknown;
  actorId?: string | null;
  audienceUserId?: string | null;
}

/** Writes the Event row of a state change; call it inside the transaction that makes the change. */
export function recordEvent(tx: Prisma.TransactionClient, input: EventInput) {
  return tx.event.create({
    data: {
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      payload: JSON.stringify(input.entity),
      actorId: input.actorId ?? null,
      audienceUserId: input.audienceUserId ?? null,
    },
  });
}
