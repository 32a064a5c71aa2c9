import { Router } from 'express';
import { eventStreamQuerySchema, recentEventsQuerySchema } from '../../domain/events/live-event.schema';
import type { Db } from '../../db/client';
import { currentSession, currentUser } from '../auth/require-user';
import type { SessionStore } from '../auth/sessions';
import { listRecentEvents } from '../events/list-recent-events';
import type { EventHub } from '../sse/event-hub';
import { parseInput } from '../validate';

export function createEventsRouter({ db, hub, sessions }: { db: Db; hub: EventHub; sessions: SessionStore }) {
  const router = Router();

  // SSE: `id:` is the Event id, `event:` is `<entity>.<action>`; Last-Event-ID resumes. The stream ends with its session.
  router.get('/', async (req, res) => {
    const { lastEventId } = parseInput(eventStreamQuerySchema, req.query, 'query');
    const session = currentSession(res);
    await hub.connect(req, res, { userId: session.user.id, role: session.user.role, sessionId: session.id, deadline: sessions.deadlineOf(session) }, lastEventId);
  });

  // The activity feed's first page; the stream keeps it current.
  router.get('/recent', async (req, res) => {
    const { limit } = parseInput(recentEventsQuerySchema, req.query, 'query');
    res.json(await listRecentEvents(db, currentUser(res), limit));
  });

  return router;
}
