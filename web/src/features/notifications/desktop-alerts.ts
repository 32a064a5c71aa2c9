import type { LiveEvent } from '../../../../domain/events/live-event.schema';
import type { NotificationItem } from '../../../../domain/notifications/notification.schema';
import { formatNotificationText } from './format-notification-text';

const TURNED_OFF_KEY = 'flipstackk.desktopAlerts.off';

export const desktopAlertsSupported = (): boolean => typeof window !== 'undefined' && 'Notification' in window;

/** Where desktop alerts stand: what the bell's panel says and offers. */
export type DesktopAlertsState = 'unsupported' | 'ask' | 'blocked' | 'on' | 'off';

/** A browser cannot take back a permission it gave: "Turn off" is the app's own switch on top of it. */
export function desktopAlertsStateFor(permission: NotificationPermission | null, turnedOff: boolean): DesktopAlertsState {
  if (permission === null) return 'unsupported';
  if (permission === 'default') return 'ask';
  if (permission === 'denied') return 'blocked';
  return turnedOff ? 'off' : 'on';
}

export function readDesktopAlertsState(): DesktopAlertsState {
  return desktopAlertsStateFor(desktopAlertsSupported() ? Notification.permission : null, localStorage.getItem(TURNED_OFF_KEY) === '1');
}

export function turnDesktopAlerts(on: boolean): DesktopAlertsState {
  if (on) localStorage.removeItem(TURNED_OFF_KEY);
  else localStorage.setItem(TURNED_OFF_KEY, '1');
  return readDesktopAlertsState();
}

export const desktopAlertsAllowed = (): boolean => readDesktopAlertsState() === 'on';

/** Asks the browser once, after the user clicked "Enable desktop alerts". */
export async function enableDesktopAlerts(): Promise<DesktopAlertsState> {
  if (desktopAlertsSupported()) await Notification.requestPermission();
  return turnDesktopAlerts(true);
}

/**
 * A system notification for a HIGH priority notification (the kind table makes a new lead of mine
 * and a HIGH priority task assigned to me HIGH), when the user allowed them; clicking it focuses
 * the app on the item.
 */
export function showDesktopAlert(event: LiveEvent, open: (link: string) => void): void {
  if (event.name !== 'notification.created' || !desktopAlertsAllowed()) return;
  const { priority, title, body, link } = event.entity as Partial<NotificationItem>;
  if (priority !== 'HIGH') return;
  const alert = new Notification(title ? formatNotificationText(title) : 'Flipstackk', { body: formatNotificationText(body ?? ''), tag: event.entityId });
  alert.onclick = () => {
    window.focus();
    if (link) open(link);
    alert.close();
  };
}
