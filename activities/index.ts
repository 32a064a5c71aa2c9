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
  return {
    ...createActorActivities({ db }),
    ...createLeadActivities({ db }),
    ...createLeadStatusActivities({ db }),
    ...createBuyerActivities({ db }),
    ...createOfferActivities({ db }),
    ...createTaskActivities({ db }),
    ...createDocumentActivities({ db }),
    ...createReviewActivities({ db }),
    ...createSettingsActivities({ db, deadlines }),
  };
}
export type Activities = ReturnType<typeof createActivities>;
