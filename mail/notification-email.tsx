import { renderToStaticMarkup } from 'react-dom/server';
import { renderNotificationText } from '../domain/notifications/notification-kinds';
import { EmailLayout, emailColors } from './email-layout';
import type { RenderedEmail } from './buyer-matches-email';

export interface NotificationEmailInput {
  appUrl: string;
  title: string;
  body: string;
  /** In-app path of what it is about ("/tasks/…"). */
  link: string | null;
  /** The reader's zone: the times in the text are written in it. */
  timeZone: string;
}

/** "Tuesday, Dec 1, 3:15 PM" in the reader's zone. */
export const timeInZone = (timeZone: string) => (iso: string) =>
  new Date(iso).toLocaleString('en-US', { weekday: 'long', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });

/** One notification the user asked to get by e-mail at once: its title, its text and a button to it. */
export function renderNotificationEmail(input: NotificationEmailInput): RenderedEmail {
  const subject = renderNotificationText(input.title, timeInZone(input.timeZone));
  const body = renderNotificationText(input.body, timeInZone(input.timeZone));
  const url = `${input.appUrl}${input.link ?? '/'}`;
  const settings = `${input.appUrl}/settings#notifications`;
  const footer = (
    <>
      You get this e-mail because of your notification settings. <a href={settings}>Change them</a>.
    </>
  );
  const html = renderToStaticMarkup(
    <EmailLayout appUrl={input.appUrl} preview={body} footer={footer}>
      <h1 style={{ fontSize: 20, margin: '0 0 12px' }}>{subject}</h1>
      <p style={{ fontSize: 15, lineHeight: '22px', margin: '0 0 20px' }}>{body}</p>
      <a href={url} style={{ display: 'inline-block', background: emailColors.primary, color: '#ffffff', padding: '12px 20px', borderRadius: 8, fontWeight: 600, textDecoration: 'none' }}>
        Open in Flipstackk
      </a>
    </EmailLayout>,
  );
  const text = [subject, '', body, '', `Open it: ${url}`, '', `Change what you get by e-mail: ${settings}`].join('\n');
  return { subject, html: `<!DOCTYPE html>${html}`, text };
}
