import fs from 'node:fs/promises';
import { z } from 'zod';
import { emailAttachmentSchema } from '../../domain/email/email-message.schema';

/**
 * The HTML part as the Outbox previews it: each `cid:` reference to an inline file (a lead's photo)
 * becomes a `data:` URL of that file, as a mail client shows it; a file gone since is left as it
 * was (a broken image says it is missing).
 */
export async function withInlineImages(html: string, attachmentsJson: string): Promise<string> {
  const listed = z.array(emailAttachmentSchema).safeParse(JSON.parse(attachmentsJson || '[]'));
  if (!listed.success) return html;
  let page = html;
  for (const file of listed.data) {
    const bytes = await fs.readFile(file.path).catch(() => null);
    if (bytes) page = page.split(`cid:${file.cid}`).join(`data:${file.mimeType};base64,${bytes.toString('base64')}`);
  }
  return page;
}
