import { checkActor, namesActor, type ActorRecord } from '../../domain/auth/check-actor';

jest.setTimeout(180_000);

const supervisor: ActorRecord = { id: 'sup', role: 'SUPERVISOR', active: true };

describe('checkActor: who may change anything through a workflow', () => {
  it.each<[string, string, ActorRecord | null, { ok: boolean; role?: string; reason?: RegExp }]>([
    ['an active user, with the role the database gives them', 'sup', supervisor, { ok: true, role: 'SUPERVISOR' }],
    ['an active agent', 'agt', { id: 'agt', role: 'AGENT', active: true }, { ok: true, role: 'AGENT' }],
    ['no such user', 'ghost', null, { ok: false, reason: /unknown user ghost/ }],
    ['a deactivated user, whatever their role', 'old', { id: 'old', role: 'ADMIN', active: false }, { ok: false, reason: /old is deactivated/ }],
    ['a record of someone else', 'sup', { ...supervisor, id: 'other' }, { ok: false, reason: /unknown user sup/ }],
    ['a role the app does not know', 'odd', { id: 'odd', role: 'SYSTEM' as never, active: true }, { ok: false, reason: /no role/ }],
  ])('%s', (_name, actorId, record, expected) => {
    const check = checkActor(actorId, record);
    expect(check.ok).toBe(expected.ok);
    if (check.ok) expect(check.actor).toEqual({ id: actorId, role: expected.role });
    else expect(check).toMatchObject({ code: 'FORBIDDEN', reason: expect.stringMatching(expected.reason!) });
  });
});

describe('namesActor: the shape an Update validator accepts', () => {
  it.each<[unknown, boolean]>([
    [{ actorId: 'u1' }, true],
    [{ actorId: 'u1', actor: { role: 'SUPERVISOR' } }, true],
    [{ actor: { id: 'u1', role: 'SUPERVISOR' } }, false],
    [{ actorId: '' }, false],
    [{ actorId: '  ' }, false],
    [{ actorId: null }, false],
    [{ actorId: 42 }, false],
    [null, false],
    ['u1', false],
  ])('%j → %s', (input, expected) => {
    expect(namesActor(input)).toBe(expected);
  });
});
