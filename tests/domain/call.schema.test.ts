jest.setTimeout(180_000);
import { callEffect, logCallInputSchema, nextCallAttemptAt, type CallEffect, type LogCallInput } from '../../domain/calls/call.schema';
import type { LeadStatus } from '../../domain/leads/lead.schema';

describe('callEffect', () => {
  it.each<[LeadStatus, Pick<LogCallInput, 'outcome' | 'status' | 'reason'>, CallEffect]>([
    ['NEW', { outcome: 'NO_ANSWER' }, { kind: 'retry' }],
    ['CONTACTED', { outcome: 'VOICEMAIL' }, { kind: 'retry' }],
    ['NEW', { outcome: 'TALKED' }, { kind: 'status', status: 'CONTACTED' }],
    ['NEW', { outcome: 'TALKED', status: 'QUALIFIED' }, { kind: 'status', status: 'QUALIFIED' }],
    ['CONTACTED', { outcome: 'TALKED' }, { kind: 'none' }],
    ['CONTACTED', { outcome: 'TALKED', status: 'CONTACTED' }, { kind: 'none' }],
    ['CONTACTED', { outcome: 'TALKED', status: 'QUALIFIED' }, { kind: 'status', status: 'QUALIFIED' }],
    ['QUALIFIED', { outcome: 'NOT_INTERESTED' }, { kind: 'status', status: 'DEAD', reason: 'NOT_MOTIVATED' }],
    ['NEW', { outcome: 'NOT_INTERESTED', reason: 'PRICE_TOO_HIGH' }, { kind: 'status', status: 'DEAD', reason: 'PRICE_TOO_HIGH' }],
    ['NEW', { outcome: 'WRONG_NUMBER' }, { kind: 'status', status: 'DEAD', reason: 'WRONG_NUMBER' }],
  ])('a %s lead, %j → %j', (status, input, effect) => {
    expect(callEffect(status, input)).toEqual(effect);
  });
});

describe('nextCallAttemptAt', () => {
  it.each([
    ['Tuesday → Wednesday', '2026-12-01T15:00:00Z', '2026-12-02T15:00:00Z'],
    ['Friday → Monday', '2026-12-04T15:00:00Z', '2026-12-07T15:00:00Z'],
    ['Saturday → Monday', '2026-12-05T15:00:00Z', '2026-12-07T15:00:00Z'],
    ['Sunday → Monday', '2026-12-06T15:00:00Z', '2026-12-07T15:00:00Z'],
  ])('%s', (_name, now, next) => {
    expect(nextCallAttemptAt(new Date(now)).toISOString()).toBe(new Date(next).toISOString());
  });
});

describe('logCallInputSchema', () => {
  it.each([
    [{ outcome: 'NOPE' }, 'outcome'],
    [{ outcome: 'NO_ANSWER', status: 'QUALIFIED' }, 'status'],
    [{ outcome: 'TALKED', status: 'DEAD' }, 'status'],
    [{ outcome: 'TALKED', reason: 'OTHER' }, 'reason'],
    [{ outcome: 'NOT_INTERESTED', reason: 'BORED' }, 'reason'],
  ])('refuses %j naming %s', (body, field) => {
    const parsed = logCallInputSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });

  it('takes a note, trimmed, and drops an empty one', () => {
    expect(logCallInputSchema.parse({ outcome: 'VOICEMAIL', note: '  call back at 5 ' })).toEqual({ outcome: 'VOICEMAIL', note: 'call back at 5' });
    expect(logCallInputSchema.parse({ outcome: 'VOICEMAIL', note: '' })).toEqual({ outcome: 'VOICEMAIL' });
  });
});
