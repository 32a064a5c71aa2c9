import { applyAutomationGrace } from '../../domain/tasks/apply-automation-grace';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';

jest.setTimeout(180_000);

const NOW = new Date('2026-11-30T16:15:48.500Z');
const MINUTE = 60_000;
const spec = (dueAt: string) => ({ automationKey: 'k', title: 'Overdue: contact Robert King', type: 'FOLLOW_UP' as const, priority: 'HIGH' as const, dueAt: new Date(dueAt) });

describe('applyAutomationGrace', () => {
  it.each<[string, string, number, string]>([
    ['a due time already past (the deadline fired a moment ago)', '2026-11-30T16:15:47.100Z', 15 * MINUTE, '2026-11-30T16:30:48.500Z'],
    ['a due time exactly now', '2026-11-30T16:15:48.500Z', 15 * MINUTE, '2026-11-30T16:30:48.500Z'],
    ['a due time inside the grace', '2026-11-30T16:20:00.000Z', 15 * MINUTE, '2026-11-30T16:30:48.500Z'],
    ['a due time at the end of the grace', '2026-11-30T16:30:48.500Z', 15 * MINUTE, '2026-11-30T16:30:48.500Z'],
    ['a due time after the grace (the rule wins)', '2026-11-30T17:15:48.500Z', 15 * MINUTE, '2026-11-30T17:15:48.500Z'],
    ['a due time days ago (a worker that was down)', '2026-11-27T09:00:00.000Z', 60 * MINUTE, '2026-11-30T17:15:48.500Z'],
    ['no grace: never before now', '2026-11-30T16:00:00.000Z', 0, '2026-11-30T16:15:48.500Z'],
    ['a negative grace counts as none', '2026-11-30T16:00:00.000Z', -5 * MINUTE, '2026-11-30T16:15:48.500Z'],
  ])('%s', (_case, dueAt, graceMs, expected) => {
    const graced = applyAutomationGrace(spec(dueAt), NOW, graceMs);
    expect(graced).toEqual({ ...spec(dueAt), dueAt: new Date(expected) });
    expect(graced.dueAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
  });

  it('grants 15 minutes unless configured otherwise', () => {
    expect(DEFAULT_DEADLINES.automationGraceMs).toBe(15 * MINUTE);
  });
});
