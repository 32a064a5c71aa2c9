import { desktopAlertsStateFor } from '../../web/src/features/notifications/desktop-alerts';

jest.setTimeout(180_000);

describe('desktopAlertsStateFor', () => {
  it.each([
    [null, false, 'unsupported'],
    ['default', false, 'ask'],
    ['denied', false, 'blocked'],
    ['granted', false, 'on'],
    ['granted', true, 'off'],
    ['denied', true, 'blocked'],
  ] as const)('permission %s, turned off %s → %s', (permission, turnedOff, state) => {
    expect(desktopAlertsStateFor(permission, turnedOff)).toBe(state);
  });
});
