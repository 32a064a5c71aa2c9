import { fallbackPools, pickActiveAssignee, pickLeastLoaded, withTaskFor, workloadOf, type Candidate } from '../../domain/tasks/pick-assignee';

jest.setTimeout(180_000);

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

describe('pickActiveAssignee (inactive users never receive a task)', () => {
  const pool = [
    { id: 'agent2', active: true, role: 'AGENT', openTasks: { LOW: 1 } },
    { id: 'agent3', active: true, role: 'AGENT', openTasks: {} },
    { id: 'admin', active: true, role: 'ADMIN', openTasks: {} },
    { id: 'gone', active: false, role: 'AGENT', openTasks: {} },
  ];

  it.each([
    ['the named user while active', { id: 'owner', active: true }, [pool], 'owner'],
    ['an inactive named user → the first pool with an active user', { id: 'gone', active: false }, [pool], 'admin'],
    ['nobody named → the least loaded of the first pool', null, [pool.filter((c) => c.role === 'AGENT'), pool], 'agent3'],
    ['an empty or all-inactive pool → the next one', { id: 'gone', active: false }, [[], [pool[3]!], pool.slice(0, 1)], 'agent2'],
    ['no active user anywhere', { id: 'gone', active: false }, [[pool[3]!]], null],
  ])('%s', (_case, named, fallbacks, expected) => {
    expect(pickActiveAssignee(named, fallbacks)).toBe(expected);
  });

  it.each([
    ["the leaver's role, then everyone", ['AGENT'], ['agent2', 'agent3', 'gone'], ['agent2', 'agent3', 'admin', 'gone']],
    ["a rule's role before the leaver's", ['ADMIN', 'AGENT'], ['admin'], ['agent2', 'agent3', 'gone']],
    ['a rule of no role: everyone first', [null], ['agent2', 'agent3', 'admin', 'gone'], ['agent2', 'agent3', 'admin', 'gone']],
  ])('fallbackPools: %s', (_case, roles, first, second) => {
    const pools = fallbackPools(pool, roles as Array<string | null>);
    expect(pools[0]!.map((c) => c.id)).toEqual(first);
    expect(pools[1]!.map((c) => c.id)).toEqual(second);
  });

  it('never picks the user who is leaving, even before they are marked inactive', () => {
    const pools = fallbackPools([{ id: 'leaver', active: true, role: 'AGENT', openTasks: {} }, ...pool], ['AGENT'], 'leaver');
    expect(pickActiveAssignee(null, pools)).toBe('agent3');
  });

  it('spreads a batch: each pick counts towards the next', () => {
    let candidates: Candidate[] = pool.slice(0, 2);
    const picks: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const id = pickLeastLoaded(candidates)!;
      picks.push(id);
      candidates = withTaskFor(candidates, id, 'LOW');
    }
    expect(picks).toEqual(['agent3', 'agent2', 'agent3']);
  });
});
