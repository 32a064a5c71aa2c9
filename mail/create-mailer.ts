import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

/** Where mail goes: an SMTP server (SMTP_URL), else .eml files in `outboxDir` for an admin to read. */
export interface MailConfig {
  smtpUrl?: string | undefined;
  /** The From address (MAIL_FROM). */
  from: string;
  /** DATA_DIR/outbox: every message is written here when there is no SMTP server. */
  outboxDir: string;
  /** Where the links in e-mails written by the worker point (APP_URL). */
  appUrl?: string;
}

export interface OutgoingEmail {
  /** The message's row id: its Message-ID and its .eml file name, so a repeat is the same message. */
  id: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  html: string;
  text: string;
  /** Files sent inline, each referred to in the HTML as `cid:<cid>`. */
  attachments?: Array<{ cid: string; path: string; fileName: string; mimeType: string }>;
}

export type SentVia = { transport: 'smtp'; outboxFile: null } | { transport: 'outbox'; outboxFile: string };

export interface Mailer {
  send(email: OutgoingEmail): Promise<SentVia>;
}

/** The .eml file of a message in the outbox. */
export const outboxFileName = (id: string) => `${id}.eml`;

function messageOf(from: string, email: OutgoingEmail): Mail.Options {
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? 'flipstackk.local';
  return {
    from,
    to: email.to,
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: `<${email.id}@${domain}>`,
    ...(email.attachments?.length
      ? { attachments: email.attachments.map((file) => ({ cid: file.cid, path: file.path, filename: file.fileName, contentType: file.mimeType, contentDisposition: 'inline' as const })) }
      : {}),
  };
}

/** Sends through nodemailer: SMTP when configured, else writes `<id>.eml` (the same bytes SMTP would carry). */
export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl) {
    // Short timeouts: a dead server fails the attempt quickly and the activity's retries take over.
    const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    return {
      async send(email) {
        await transport.sendMail(messageOf(config.from, email));
        return { transport: 'smtp', outboxFile: null };
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(email) {
      const info = await transport.sendMail(messageOf(config.from, email));
      await fs.mkdir(config.outboxDir, { recursive: true });
      const file = outboxFileName(email.id);
      // Written whole under a temporary name, then renamed: a reader never sees half a message.
      const partial = path.join(config.outboxDir, `.${file}.partial`);
      await fs.writeFile(partial, info.message as Buffer);
      await fs.rename(partial, path.join(config.outboxDir, file));
      return { transport: 'outbox', outboxFile: file };
    },
  };
}
