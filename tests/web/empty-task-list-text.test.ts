import { emptyTaskListText } from '../../web/src/features/tasks/tasks.api';

describe('what an empty task list says', () => {
  it('names the view when nothing is filtered: my open tasks, the team\'s, the review queue', () => {
    expect(emptyTaskListText('mine', false)).toBe('No open tasks are assigned to you.');
    expect(emptyTaskListText('team', false)).toBe('The team has no open tasks.');
    expect(emptyTaskListText('review', false)).toBe('Nothing waits for review.');
  });

  it('blames the filters when some are set', () => {
    expect(emptyTaskListText('mine', true)).toBe('No tasks match these filters.');
    expect(emptyTaskListText('team', true)).toBe('No tasks match these filters.');
    expect(emptyTaskListText('review', true)).toBe('Nothing waiting for review matches these filters.');
  });
});
