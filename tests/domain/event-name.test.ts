import { canSeeEvent, eventName } from '../../domain/events/event-name';

describe('eventName', () => {
  it('joins entity and action', () => {
    expect(eventName('task', 'overdue')).toBe('task.overdue');
  });
});

describe('canSeeEvent', () => {
  it.each([
    [null, 'u1', true],
    ['u1', 'u1', true],
    ['u2', 'u1', false],
  ])('audience %p, viewer %s: %s', (audienceUserId, viewer, visible) => {
    expect(canSeeEvent({ audienceUserId }, viewer)).toBe(visible);
  });
});
