import { renderNotificationText } from '../../../../domain/notifications/notification-kinds';

/**
 * A notification's text as this reader sees it: each `{time:<ISO>}` token becomes the time in the
 * browser's zone (`timeZone` only for tests), "3:15 PM" when it falls today there, else with its
 * date, "Nov 24, 3:30 PM".
 */
export function formatNotificationText(text: string, now = new Date(), timeZone?: string): string {
  const time = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone });
  const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone });
  const dayAndTime = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });
  return renderNotificationText(text, (iso) => {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso;
    return day.format(at) === day.format(now) ? time.format(at) : dayAndTime.format(at);
  });
}
