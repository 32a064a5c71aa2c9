import { acceptInviteInputSchema, createInviteInputSchema, INVITE_TTL_MS, inviteStateOf } from '../../domain/users/invite.schema';

jest.setTimeout(180_000);

const now = new Date('2026-12-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('inviteStateOf', () => {
  it.each([
    ['unused, before its expiry', { usedAt: null, expiresAt: later(1) }, 'open'],
    ['unused, at its expiry', { usedAt: null, expiresAt: now }, 'expired'],
    ['unused, past its expiry', { usedAt: null, expiresAt: later(-INVITE_TTL_MS) }, 'expired'],
    ['used, even before its expiry', { usedAt: later(-1000), expiresAt: later(INVITE_TTL_MS) }, 'used'],
    ['used and expired', { usedAt: later(-2 * INVITE_TTL_MS), expiresAt: later(-INVITE_TTL_MS) }, 'used'],
  ])('%s → %s', (_case, invite, expected) => {
    expect(inviteStateOf(invite, now)).toBe(expected);
  });

  it('lasts a week', () => {
    expect(INVITE_TTL_MS).toBe(7 * 24 * 3600 * 1000);
  });
});

describe('invite inputs', () => {
  it.each([
    ['a 12-character password', { password: 'twelve chars' }, true],
    ['an 11-character password', { password: 'eleven char' }, false],
    ['no password', {}, false],
    ['a field of its own', { password: 'long enough password', role: 'ADMIN' }, false],
  ])('accepting takes %s: %p', (_case, input, ok) => {
    expect(acceptInviteInputSchema.safeParse(input).success).toBe(ok);
  });

  it('invites by e-mail, name and role, without a password, normalising the e-mail', () => {
    expect(createInviteInputSchema.parse({ email: ' New.Agent@Example.COM ', name: 'New Agent', role: 'AGENT' })).toEqual({ email: 'new.agent@example.com', name: 'New Agent', role: 'AGENT' });
    expect(createInviteInputSchema.safeParse({ email: 'a@b.co', name: 'A', role: 'AGENT', password: 'x' }).success).toBe(false);
  });
});
