import fs from 'node:fs/promises';
import path from 'node:path';
import type { EmailMessage, EmailMessageDetail } from '../../domain/email/email-message.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { toEmailMessageJson } from '../../db/rows';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';
import { withInlineImages } from './outbox-html';

/** The newest messages, sent, waiting or failed (admins). */
export async function listOutbox(db: Db, actor: PublicUser): Promise<{ items: EmailMessage[] }> {
  assertPermission(actor, 'read', { type: 'outbox' });
  const rows = await db.emailMessage.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 100 });
  return { items: rows.map(toEmailMessageJson) };
}

/** One message with both parts and, when it was written to the outbox, the .eml file as it was written. */
export async function getOutboxMessage(db: Db, outboxDir: string, id: string, actor: PublicUser): Promise<EmailMessageDetail> {
  assertPermission(actor, 'read', { type: 'outbox' });
  const row = await db.emailMessage.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', `E-mail ${id} does not exist`);
  let eml: string | null = null;
  if (row.outboxFile) eml = await fs.readFile(path.join(outboxDir, path.basename(row.outboxFile)), 'utf8').catch(() => null);
  return { ...toEmailMessageJson(row), html: row.html, text: row.text, eml };
}

/** The HTML part for the Outbox's preview frame, with its inline photos shown. */
export async function getOutboxHtml(db: Db, id: string, actor: PublicUser): Promise<string> {
  assertPermission(actor, 'read', { type: 'outbox' });
  const row = await db.emailMessage.findUnique({ where: { id }, select: { html: true, attachments: true } });
  if (!row) throw new AppError('NOT_FOUND', `E-mail ${id} does not exist`);
  return withInlineImages(row.html, row.attachments);
}
