import { Router } from 'express';
import type { Db } from '../../db/client';
import { getCalendarFeed } from '../calendar/get-calendar-feed';

/** The private calendar feeds: the token in the path is the only credential (calendar apps send no cookie). */
export function createCalendarRouter({ db, appUrl }: { db: Db; appUrl: string }) {
  const router = Router();

  router.get('/:token.ics', async (req, res) => {
    const feed = await getCalendarFeed(db, req.params.token, appUrl);
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('content-disposition', 'inline; filename="flipstackk-tasks.ics"');
    res.send(feed);
  });

  return router;
}
