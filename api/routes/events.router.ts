import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { currentSession, currentUser } from '../auth/require-user';
import type { SessionStore } from '../auth/sessions';
import { listRecentEvents } from '../events/list-recent-events';
import type { EventHub } from '../sse/event-hub';
import { parseInput } from '../validate';

const streamQuerySchema = z.object({ lastEventId: z.string().regex(/^\d+$/, 'must be an event id').optional() });
const recentQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(30),
});

export function createEventsRouter({ db, hub, sessions }: { db: Db; hub: EventHub; sessions: SessionStore }) {
  const router = Router();

  // SSE: `id:` is the Event id, `event:` is `<entity>.<action>`; Last-Event-ID resumes. The stream ends with its session.
  router.get('/', async (req, res) => {
    const { lastEventId } = parseInput(streamQuerySchema, req.query, 'query');
    const session = currentSession(res);
    await hub.connect(req, res, { userId: session.user.id, sessionId: session.id, deadline: sessions.deadlineOf(session) }, lastEventId);
  });

  // The activity feed's first page; the stream keeps it current.
  router.get('/recent', async (req, res) => {
    const { limit } = parseInput(recentQuerySchema, req.query, 'query');
    res.json(await listRecentEvents(db, currentUser(res).id, limit));
  });

  return router;
}
