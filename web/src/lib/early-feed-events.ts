import type { LiveEvent } from '../../../domain/events/live-event.schema';

/**
 * Events streamed while the activity feed's first page is on its way. That page may have been read
 * before they committed, and there is no page yet to prepend them to: they wait here, and the
 * page's query merges them in when it arrives (without this, a change made while the dashboard
 * was loading never showed in its feed).
 */
export interface EarlyEvents {
  hold(event: LiveEvent): void;
  /** The events held, oldest first, and forgets them. */
  take(): LiveEvent[];
}

export function createEarlyEvents(limit: number): EarlyEvents {
  const held: LiveEvent[] = [];
  return {
    hold(event) {
      held.push(event);
      if (held.length > limit) held.shift();
    },
    take: () => held.splice(0),
  };
}
