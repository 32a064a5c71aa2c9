import { Router } from 'express';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { getOutboxHtml, getOutboxMessage, listOutbox } from '../email/list-outbox';

/** The admins' view of outgoing mail: what was sent, what waits, what failed and why. */
export function createOutboxRouter({ db, outboxDir }: { db: Db; outboxDir: string }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json(await listOutbox(db, currentUser(res)));
  });

  // The HTML part as a page of its own for the Outbox's preview frame: the app's CSP forbids the
  // inline styles every e-mail uses, so this answer has its own, with no scripts and no requests out.
  router.get('/:id/html', async (req, res) => {
    const html = await getOutboxHtml(db, req.params.id, currentUser(res));
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox");
    res.set('X-Frame-Options', 'SAMEORIGIN');
    res.type('html').send(html);
  });

  router.get('/:id', async (req, res) => {
    res.json(await getOutboxMessage(db, outboxDir, req.params.id, currentUser(res)));
  });

  return router;
}
