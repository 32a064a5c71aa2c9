import { describeDue } from '../../web/src/features/tasks/describe-due';

jest.setTimeout(180_000);

const now = Date.parse('2026-12-01T15:00:00.000Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('describeDue', () => {
  it.each([
    [{ dueAt: at(15), overdue: false }, 'in 15 minutes'],
    [{ dueAt: at(15), overdue: true }, 'Overdue'],
    [{ dueAt: at(-120), overdue: true }, 'Overdue · 2 hours ago'],
  ])('%j reads "%s"', (task, text) => {
    expect(describeDue(task, now)).toBe(text);
  });
});
