import type { LiveEvent } from '../../domain/events/live-event.schema';
import { ANALYTICS_GAP_MS, minRefreshGapMs, staleQueriesFor } from '../../web/src/lib/stale-queries';

jest.setTimeout(180_000);

describe('staleQueriesFor', () => {
  it("refreshes the notes of a task when someone adds one (a task event, not a note's)", () => {
    expect(staleQueriesFor({ entityType: 'task', action: 'note_added' })).toEqual(expect.arrayContaining([['tasks'], ['notes']]));
  });

  it.each([
    ['lead', 'status_changed', [['dashboard'], ['leads'], ['queue'], ['analytics']]],
    ['task', 'rescheduled', [['dashboard'], ['tasks'], ['queue'], ['analytics']]],
    ['note', 'created', [['notes']]],
  ] as Array<[LiveEvent['entityType'], string, string[][]]>)('a %s %s makes %j stale', (entityType, action, keys) => {
    expect(staleQueriesFor({ entityType, action })).toEqual(keys);
  });

  // A call is logged as a lead event (lead.call_logged).
  it.each([
    ['lead', 'created'],
    ['lead', 'call_logged'],
    ['task', 'completed'],
    ['offer', 'accepted'],
    ['deal', 'closed'],
    ['setting', 'updated'],
  ] as Array<[LiveEvent['entityType'], string]>)('a %s %s refreshes an open My calls page', (entityType, action) => {
    expect(staleQueriesFor({ entityType, action })).toContainEqual(['queue']);
  });

  it.each([
    ['lead', 'created'],
    ['lead', 'call_logged'],
    ['task', 'completed'],
    ['offer', 'accepted'],
    ['deal', 'closed'],
    ['buyer', 'matches_sent'],
  ] as Array<[LiveEvent['entityType'], string]>)('a %s %s refreshes an open Analytics page', (entityType, action) => {
    expect(staleQueriesFor({ entityType, action })).toContainEqual(['analytics']);
  });

  it.each([
    ['notification', 'created'],
    ['session', 'revoked'],
    ['import', 'progress'],
    ['note', 'created'],
  ] as Array<[LiveEvent['entityType'], string]>)('a %s %s leaves My calls and Analytics alone', (entityType, action) => {
    const keys = staleQueriesFor({ entityType, action });
    expect(keys).not.toContainEqual(['queue']);
    expect(keys).not.toContainEqual(['analytics']);
  });
});

describe('minRefreshGapMs', () => {
  it('throttles analytics (heavy aggregates) and nothing else', () => {
    expect(minRefreshGapMs(['analytics', 'team', 30])).toBe(ANALYTICS_GAP_MS);
    expect(ANALYTICS_GAP_MS).toBeGreaterThanOrEqual(2_000);
    expect(minRefreshGapMs(['queue'])).toBe(0);
    expect(minRefreshGapMs(['dashboard'])).toBe(0);
  });
});
