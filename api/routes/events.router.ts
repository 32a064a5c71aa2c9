import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { listRecentEvents } from '../events/list-recent-events';
import type { EventHub } from '../sse/event-hub';
import { parseInput } from '../validate';

const streamQuerySchema = z.object({ lastEventId: z.string().regex(/^\d+$/, 'must be an event id').optional() });
const recentQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(30),
});

export function createEventsRouter({ db, hub }: { db: Db; hub: EventHub }) {
  const router = Router();

  // SSE: `id:` is the Event id, `event:` is `<entity>.<action>`; Last-Event-ID resumes.
  router.get('/', async (req, res) => {
    const { lastEventId } = parseInput(streamQuerySchema, req.query, 'query');
    await hub.connect(req, res, currentUser(res).id, lastEventId);
  });

  // The activity feed's first page; the stream keeps it current.
  router.get('/recent', async (req, res) => {
    const { limit } = parseInput(recentQuerySchema, req.query, 'query');
    res.json(await listRecentEvents(db, currentUser(res).id, limit));
  });

  return router;
}
