import { pickLeastLoaded, workloadOf } from '../../domain/tasks/pick-assignee';

describe('pickLeastLoaded', () => {
  it('weighs open work by priority', () => {
    expect(workloadOf({ id: 'a', active: true, openTasks: { HIGH: 1, MEDIUM: 1, LOW: 2 } })).toBe(7);
  });

  it.each([
    [
      'the least weighted work wins',
      [
        { id: 'a', active: true, openTasks: { HIGH: 2 } },
        { id: 'b', active: true, openTasks: { LOW: 4 } },
      ],
      'b',
    ],
    [
      'inactive users never get tasks',
      [
        { id: 'a', active: false, openTasks: {} },
        { id: 'b', active: true, openTasks: { HIGH: 5 } },
      ],
      'b',
    ],
    [
      'ties go to the first id',
      [
        { id: 'b', active: true, openTasks: { LOW: 1 } },
        { id: 'a', active: true, openTasks: { LOW: 1 } },
      ],
      'a',
    ],
    ['nobody to pick', [{ id: 'a', active: false, openTasks: {} }], null],
  ])('%s', (_case, candidates, expected) => {
    expect(pickLeastLoaded(candidates)).toBe(expected);
  });
});
