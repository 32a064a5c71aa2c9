import type { Deadlines } from '../domain/config/deadlines';
import type { Db } from '../db/client';
import { createActorActivities } from './actors.activities';
import { createBuyerActivities } from './buyers.activities';
import { createDocumentActivities } from './documents.activities';
import { createLeadStatusActivities } from './lead-status.activities';
import { createLeadActivities } from './leads.activities';
import { createOfferActivities } from './offers.activities';
import { createReviewActivities } from './reviews.activities';
import { createSettingsActivities } from './settings.activities';
import { createTaskActivities } from './tasks.activities';

export interface ActivityDeps {
  db: Db;
  deadlines: Deadlines;
}

export function createActivities({ db, deadlines }: ActivityDeps) {
  const { automationGraceMs } = deadlines;
  return {
    ...createActorActivities({ db }),
    ...createLeadActivities({ db, automationGraceMs }),
    ...createLeadStatusActivities({ db, automationGraceMs }),
    ...createBuyerActivities({ db, automationGraceMs }),
    ...createOfferActivities({ db, automationGraceMs }),
    ...createTaskActivities({ db, automationGraceMs }),
    ...createDocumentActivities({ db, automationGraceMs }),
    ...createReviewActivities({ db, automationGraceMs }),
    ...createSettingsActivities({ db, deadlines }),
  };
}
export type Activities = ReturnType<typeof createActivities>;
