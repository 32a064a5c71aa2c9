export const ENTITY_TYPES = ['lead', 'task', 'notification', 'user', 'buyer', 'offer', 'deal', 'note', 'document'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The SSE event name of a change: `<entity>.<action>`, e.g. `lead.created`, `task.overdue`. */
export function eventName(entityType: EntityType, action: string): string {
  return `${entityType}.${action}`;
}

/** Who may see an event: everyone signed in, or only its audience user (notifications). */
export function canSeeEvent(event: { audienceUserId: string | null }, userId: string): boolean {
  return event.audienceUserId === null || event.audienceUserId === userId;
}
