import type { LiveEvent } from '../../../../domain/events/live-event.schema';
import type { NotificationItem } from '../../../../domain/notifications/notification.schema';
import { formatNotificationText } from './format-notification-text';

export const desktopAlertsSupported = (): boolean => typeof window !== 'undefined' && 'Notification' in window;
export const desktopAlertsAllowed = (): boolean => desktopAlertsSupported() && Notification.permission === 'granted';

/** Asks the browser once, after the user clicked "Enable desktop alerts". */
export async function enableDesktopAlerts(): Promise<NotificationPermission> {
  return desktopAlertsSupported() ? Notification.requestPermission() : 'denied';
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
