import type { LiveEvent } from '../../domain/events/live-event.schema';
import { staleQueriesFor } from '../../web/src/lib/stale-queries';

jest.setTimeout(180_000);

describe('staleQueriesFor', () => {
  it("refreshes the notes of a task when someone adds one (a task event, not a note's)", () => {
    expect(staleQueriesFor({ entityType: 'task', action: 'note_added' })).toEqual(expect.arrayContaining([['tasks'], ['notes']]));
  });

  it.each([
    ['lead', 'status_changed', [['dashboard'], ['leads']]],
    ['task', 'rescheduled', [['dashboard'], ['tasks']]],
    ['note', 'created', [['notes']]],
  ] as Array<[LiveEvent['entityType'], string, string[][]]>)('a %s %s makes %j stale', (entityType, action, keys) => {
    expect(staleQueriesFor({ entityType, action })).toEqual(keys);
  });
});
