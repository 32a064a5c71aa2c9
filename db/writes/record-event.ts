import type { Prisma } from '../../prisma/generated/client';
import type { EntityType, EventAction } from '../../domain/events/event-name';

export interface EventInput<E extends EntityType> {
  entityType: E;
  entityId: string;
  /** Only actions listed in EVENT_NAMES, so browsers know to listen for them. */
  action: EventAction<E>;
  entity: unknown;
  actorId?: string | null;
  audienceUserId?: string | null;
  /** Unique per change, so an activity that runs twice can see it already wrote this one. */
  dedupeKey?: string;
}

/** Writes the Event row of a state change; call it inside the transaction that makes the change. */
export function recordEvent<E extends EntityType>(tx: Prisma.TransactionClient, input: EventInput<E>) {
  return tx.event.create({
    data: {
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      payload: JSON.stringify(input.entity),
      actorId: input.actorId ?? null,
      audienceUserId: input.audienceUserId ?? null,
      dedupeKey: input.dedupeKey ?? null,
    },
  });
}
