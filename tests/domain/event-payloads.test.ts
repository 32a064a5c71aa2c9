import type { EventChange } from '../../domain/events/event-payloads';

// recordEvent takes an EventChange; its typing is checked by tsc, which compiles the tests too:
// each @ts-expect-error below fails the type check if the mistake it marks ever compiles.
const change = (event: EventChange): EventChange => event;

describe('EventChange', () => {
  it('takes each name with its own payload', () => {
    const ended = change({ entityType: 'session', action: 'ended', entity: { userId: 'u1' } });
    const readAll = change({ entityType: 'notification', action: 'read', entity: { all: true } });
    expect([ended, readAll].map((event) => `${event.entityType}.${event.action}`)).toEqual(['session.ended', 'notification.read']);
  });

  it('refuses, when compiling, a payload of another name, a missing field and a name not in EVENT_NAMES', () => {
    const mistakes = [
      // @ts-expect-error session.ended carries the user whose session ended, not a notification
      () => change({ entityType: 'session', action: 'ended', entity: { all: true } }),
      // @ts-expect-error task.note_added carries the task and the note's id
      () => change({ entityType: 'task', action: 'note_added', entity: { noteId: 'n1' } }),
      // @ts-expect-error leads are never "exploded"
      () => change({ entityType: 'lead', action: 'exploded', entity: {} }),
    ];
    expect(mistakes).toHaveLength(3);
  });
});
