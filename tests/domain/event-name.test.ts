import { canSeeEvent } from '../../domain/events/event-name';

jest.setTimeout(180_000);

describe('canSeeEvent', () => {
  it.each([
    [null, 'u1', true],
    ['u1', 'u1', true],
    ['u2', 'u1', false],
  ])('audience %p, viewer %s: %s', (audienceUserId, viewer, visible) => {
    expect(canSeeEvent({ audienceUserId }, viewer)).toBe(visible);
  });

  it.each([
    ['ADMIN', 'u2', true],
    ['SUPERVISOR', 'u2', true],
    ['AGENT', 'u2', false],
    ['ACQUISITIONS', 'u2', false],
    ['AGENT', 'u1', true],
    [undefined, 'u2', false],
  ] as const)('an import\'s progress for its importer u1 reaches a %s viewer %s: %s', (role, viewer, visible) => {
    expect(canSeeEvent({ audienceUserId: 'u1', entityType: 'import' }, viewer, role)).toBe(visible);
  });

  it.each(['ADMIN', 'SUPERVISOR'] as const)('a notification to someone else never reaches a %s', (role) => {
    expect(canSeeEvent({ audienceUserId: 'u1', entityType: 'notification' }, 'u2', role)).toBe(false);
    expect(canSeeEvent({ audienceUserId: 'u1', entityType: 'session' }, 'u2', role)).toBe(false);
  });
});
