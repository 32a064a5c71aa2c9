import { canSeeEvent } from '../../domain/events/event-name';

describe('canSeeEvent', () => {
  it.each([
    [null, 'u1', true],
    ['u1', 'u1', true],
    ['u2', 'u1', false],
  ])('audience %p, viewer %s: %s', (audienceUserId, viewer, visible) => {
    expect(canSeeEvent({ audienceUserId }, viewer)).toBe(visible);
  });
});
