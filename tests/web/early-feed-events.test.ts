import { createEarlyEvents } from '../../web/src/lib/early-feed-events';
import type { LiveEvent } from '../../domain/events/live-event.schema';

const event = (id: number): LiveEvent => ({ id, name: 'lead.status_changed', entityType: 'lead', entityId: `l${id}`, action: 'status_changed', actorId: null, createdAt: new Date(0).toISOString(), entity: {} });

describe('the events held while the activity feed loads', () => {
  it('gives back what arrived, oldest first, once', () => {
    const early = createEarlyEvents(30);
    early.hold(event(7));
    early.hold(event(8));
    expect(early.take().map((held) => held.id)).toEqual([7, 8]);
    expect(early.take()).toEqual([]);
  });

  it('keeps only the newest feed page of them', () => {
    const early = createEarlyEvents(3);
    for (const id of [1, 2, 3, 4, 5]) early.hold(event(id));
    expect(early.take().map((held) => held.id)).toEqual([3, 4, 5]);
  });
});
