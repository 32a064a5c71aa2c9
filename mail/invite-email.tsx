import { renderToStaticMarkup } from 'react-dom/server';
import { EmailLayout, emailColors } from './email-layout';
import type { RenderedEmail } from './buyer-matches-email';

export interface InviteEmailInput {
  appUrl: string;
  inviteeName: string;
  inviterName: string;
  /** The one-time link, absolute. */
  link: string;
  expiresAt: Date;
}

const day = (date: Date) => date.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** "You're invited to Flipstackk": the one-time link to set a password, HTML and plain text. */
export function renderInviteEmail(input: InviteEmailInput): RenderedEmail {
  const subject = `${input.inviterName} invited you to Flipstackk`;
  const intro = `Hi ${input.inviteeName}, ${input.inviterName} added you to the team on Flipstackk. Choose a password to sign in; the link works once, until ${day(input.expiresAt)}.`;
  const footer = <>If you did not expect this, ignore this e-mail: nothing happens until the link is used.</>;
  const html = renderToStaticMarkup(
    <EmailLayout appUrl={input.appUrl} preview={intro} footer={footer}>
      <h1 style={{ fontSize: 20, margin: '0 0 12px' }}>{subject}</h1>
      <p style={{ fontSize: 15, lineHeight: '22px', margin: '0 0 20px' }}>{intro}</p>
      <a href={input.link} style={{ display: 'inline-block', background: emailColors.primary, color: '#ffffff', padding: '12px 20px', borderRadius: 8, fontWeight: 600, textDecoration: 'none' }}>
        Choose my password
      </a>
      <p style={{ fontSize: 13, lineHeight: '20px', margin: '20px 0 0', color: emailColors.muted }}>Or open this link: {input.link}</p>
    </EmailLayout>,
  );
  const text = [subject, '', intro, '', `Choose your password: ${input.link}`, '', 'If you did not expect this, ignore this e-mail: nothing happens until the link is used.'].join('\n');
  return { subject, html: `<!DOCTYPE html>${html}`, text };
}
