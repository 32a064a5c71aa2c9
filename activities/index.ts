import type { Deadlines } from '../domain/config/deadlines';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/client';
import { createMailer, type MailConfig } from '../mail/create-mailer';
import { createEmailActivities } from './email.activities';
import { createImportActivities } from './imports.activities';
import { createActorActivities } from './actors.activities';
import { createBuyerActivities } from './buyers.activities';
import { createCallActivities } from './calls.activities';
import { createDocumentActivities } from './documents.activities';
import { createLeadScoreActivities } from './lead-scores.activities';
import { createLeadStatusActivities } from './lead-status.activities';
import { createLeadActivities } from './leads.activities';
import { createOfferActivities } from './offers.activities';
import { createReviewActivities } from './reviews.activities';
import { createSettingsActivities } from './settings.activities';
import { createTaskActivities } from './tasks.activities';

export interface ActivityDeps {
  db: Db;
  deadlines: Deadlines;
  /** Where mail goes (SMTP_URL, MAIL_FROM, DATA_DIR/outbox); without it, a temporary outbox. */
  mail?: MailConfig;
}

/** Mail of a worker given no configuration (some tests): written as .eml files to a temporary folder. */
const FALLBACK_MAIL: MailConfig = { from: 'Flipstackk <no-reply@flipstackk.local>', outboxDir: path.join(os.tmpdir(), 'flipstackk-outbox') };

export function createActivities({ db, deadlines, mail = FALLBACK_MAIL }: ActivityDeps) {
  const { automationGraceMs } = deadlines;
  return {
    ...createActorActivities({ db }),
    ...createLeadActivities({ db, automationGraceMs }),
    ...createLeadStatusActivities({ db, automationGraceMs }),
    ...createCallActivities({ db }),
    ...createLeadScoreActivities({ db }),
    ...createBuyerActivities({ db, automationGraceMs }),
    ...createOfferActivities({ db, automationGraceMs }),
    ...createTaskActivities({ db, automationGraceMs }),
    ...createDocumentActivities({ db, automationGraceMs }),
    ...createReviewActivities({ db, automationGraceMs }),
    ...createSettingsActivities({ db, deadlines }),
    ...createEmailActivities({ db, mailer: createMailer(mail), ...(mail.appUrl ? { appUrl: mail.appUrl } : {}) }),
    ...createImportActivities({ db }),
  };
}
export type Activities = ReturnType<typeof createActivities>;
