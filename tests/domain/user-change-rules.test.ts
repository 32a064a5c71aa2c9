import { checkDeactivation, checkReactivation, checkRoleChange, isLastActiveAdmin } from '../../domain/users/user-change-rules';

jest.setTimeout(180_000);

const admin = { id: 'admin', name: 'Ada Admin', role: 'ADMIN' as const, active: true };
const agent = { id: 'agent', name: 'Alex Agent', role: 'AGENT' as const, active: true };
const active = (id: string) => ({ id, active: true });

describe('checkDeactivation', () => {
  it.each([
    ['an agent without open leads', { target: agent, openLeadCount: 0 }, { ok: true }],
    ['an agent whose leads go to an active user', { target: agent, openLeadCount: 2, leadsTo: active('other') }, { ok: true }],
    [
      'an agent with open leads and nobody named to take them',
      { target: agent, openLeadCount: 2 },
      { ok: false, code: 'VALIDATION_FAILED', fields: { leadsTo: 'is required: Alex Agent owns 2 open leads' } },
    ],
    ['leads given to an inactive user', { target: agent, openLeadCount: 1, leadsTo: { id: 'gone', active: false } }, { ok: false, code: 'UNPROCESSABLE', fields: { leadsTo: 'must name an active user' } }],
    ['leads given to nobody that exists', { target: agent, openLeadCount: 1, leadsTo: null }, { ok: false, code: 'UNPROCESSABLE', fields: { leadsTo: 'must name an active user' } }],
    ['leads given back to the same user', { target: agent, openLeadCount: 1, leadsTo: active('agent') }, { ok: false, code: 'VALIDATION_FAILED', fields: { leadsTo: 'must name someone else' } }],
    ['the admin themselves', { actorId: 'admin', target: admin, openLeadCount: 0 }, { ok: false, code: 'BAD_REQUEST', message: 'You cannot deactivate yourself: ask another admin' }],
    [
      'the last active admin',
      { target: { ...admin, id: 'admin2' }, activeAdminIds: ['admin2'], openLeadCount: 0 },
      { ok: false, code: 'BAD_REQUEST', message: 'Ada Admin is the last active admin: make someone else an admin first' },
    ],
    ['an admin while another stays', { target: { ...admin, id: 'admin2' }, activeAdminIds: ['admin', 'admin2'], openLeadCount: 0 }, { ok: true }],
    ['an already inactive user, again (a retry)', { target: { ...agent, active: false }, openLeadCount: 0 }, { ok: true }],
  ])('%s', (_case, facts, expected) => {
    expect(checkDeactivation({ actorId: 'someone-else', activeAdminIds: ['admin'], ...facts })).toMatchObject(expected);
  });
});

describe('checkRoleChange', () => {
  it.each([
    ['an agent promoted to supervisor', { target: agent, role: 'SUPERVISOR' as const }, { ok: true }],
    ['an admin staying admin', { actorId: 'admin', target: admin, role: 'ADMIN' as const }, { ok: true }],
    ['an admin dropping their own admin role', { actorId: 'admin', target: admin, role: 'AGENT' as const, activeAdminIds: ['admin', 'b'] }, { ok: false, code: 'BAD_REQUEST' }],
    ['the last active admin demoted', { target: { ...admin, id: 'b' }, role: 'AGENT' as const, activeAdminIds: ['b'] }, { ok: false, code: 'BAD_REQUEST' }],
    ['an admin demoted while another stays', { target: { ...admin, id: 'b' }, role: 'AGENT' as const, activeAdminIds: ['admin', 'b'] }, { ok: true }],
    ['an inactive admin demoted', { target: { ...admin, id: 'b', active: false }, role: 'AGENT' as const, activeAdminIds: [] }, { ok: true }],
  ])('%s', (_case, facts, expected) => {
    expect(checkRoleChange({ actorId: 'someone-else', activeAdminIds: ['admin'], ...facts })).toMatchObject(expected);
  });
});

describe('isLastActiveAdmin and checkReactivation', () => {
  it.each([
    [admin, ['admin'], true],
    [admin, ['admin', 'b'], false],
    [{ ...admin, active: false }, [], false],
    [agent, [], false],
  ])('%p with active admins %p → %p', (target, ids, expected) => {
    expect(isLastActiveAdmin(target, ids)).toBe(expected);
  });

  it.each([
    [true, { ok: true }],
    [false, { ok: false, code: 'CONFLICT', message: 'Alex Agent has not accepted their invite yet: send them a new invite link instead' }],
  ])('a user who has set a password: %p', (hasPassword, expected) => {
    expect(checkReactivation({ ...agent, active: false, hasPassword })).toEqual(expected);
  });
});
