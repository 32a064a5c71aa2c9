import type { LiveEvent } from '../../lib/use-live-events';

const WORTH_AN_ALERT = (kind: string, body: string): boolean => kind === 'NEW_LEAD' || (kind === 'TASK_ASSIGNED' && body.startsWith('High priority'));

export const desktopAlertsSupported = (): boolean => typeof window !== 'undefined' && 'Notification' in window;
export const desktopAlertsAllowed = (): boolean => desktopAlertsSupported() && Notification.permission === 'granted';

/** Asks the browser once, after the user clicked "Enable desktop alerts". */
export async function enableDesktopAlerts(): Promise<NotificationPermission> {
  return desktopAlertsSupported() ? Notification.requestPermission() : 'denied';
}

/**
 * A system notification for a HIGH priority task assigned to me or a new lead of mine, when the
 * user allowed them; clicking it focuses the app on the item.
 */
export function showDesktopAlert(event: LiveEvent, open: (link: string) => void): void {
  if (event.name !== 'notification.created' || !desktopAlertsAllowed()) return;
  const { kind, title, body, link } = event.entity as { kind?: string; title?: string; body?: string; link?: string | null };
  if (!kind || !WORTH_AN_ALERT(kind, body ?? '')) return;
  const alert = new Notification(title ?? 'Flipstackk', { body: body ?? '', tag: event.entityId });
  alert.onclick = () => {
    window.focus();
    if (link) open(link);
    alert.close();
  };
}
