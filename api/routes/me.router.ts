import { Router } from 'express';
import { z } from 'zod';
import { savedViewInputSchema, userItemInputSchema } from '../../domain/users/user-items.schema';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { AppError, isUniqueViolation } from '../errors';
import { parseInput } from '../validate';

const RECENT_LIMIT = 20;
const pageQuerySchema = z.object({ page: z.enum(['leads', 'buyers', 'tasks']).optional() });

/** The caller's own things, kept server-side so they follow the user across devices. */
export function createMeRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', (_req, res) => {
    res.json(currentUser(res));
  });

  router.get('/favorites', async (_req, res) => {
    const rows = await db.favorite.findMany({ where: { userId: currentUser(res).id }, orderBy: { createdAt: 'desc' } });
    res.json({ items: rows.map(({ entityType, entityId, createdAt }) => ({ entityType, entityId, createdAt: createdAt.toISOString() })) });
  });

  router.post('/favorites', async (req, res) => {
    const item = parseInput(userItemInputSchema, req.body);
    const userId = currentUser(res).id;
    // Favoriting twice (even at the same moment) leaves one favorite.
    await db.favorite.create({ data: { userId, ...item } }).catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
    });
    res.status(201).json(item);
  });

  router.post('/favorites/remove', async (req, res) => {
    const item = parseInput(userItemInputSchema, req.body);
    await db.favorite.deleteMany({ where: { userId: currentUser(res).id, ...item } });
    res.status(204).end();
  });

  router.get('/recent', async (_req, res) => {
    const rows = await db.recentItem.findMany({ where: { userId: currentUser(res).id }, orderBy: { viewedAt: 'desc' }, take: RECENT_LIMIT });
    res.json({ items: rows.map(({ entityType, entityId, viewedAt }) => ({ entityType, entityId, viewedAt: viewedAt.toISOString() })) });
  });

  router.post('/recent', async (req, res) => {
    const item = parseInput(userItemInputSchema, req.body);
    const userId = currentUser(res).id;
    const viewedAt = new Date();
    const key = { userId_entityType_entityId: { userId, ...item } };
    await db.recentItem.upsert({ where: key, create: { userId, ...item, viewedAt }, update: { viewedAt } }).catch(async (error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      await db.recentItem.update({ where: key, data: { viewedAt } });
    });
    res.status(201).json({ ...item, viewedAt: viewedAt.toISOString() });
  });

  router.get('/saved-views', async (req, res) => {
    const { page } = parseInput(pageQuerySchema, req.query, 'query');
    const views = await db.savedView.findMany({ where: { userId: currentUser(res).id, ...(page ? { page } : {}) }, orderBy: { name: 'asc' } });
    res.json({ items: views.map((view) => ({ id: view.id, page: view.page, name: view.name, query: JSON.parse(view.query) as Record<string, string> })) });
  });

  router.post('/saved-views', async (req, res) => {
    const { page, name, query } = parseInput(savedViewInputSchema, req.body);
    const userId = currentUser(res).id;
    const view = await db.savedView.upsert({
      where: { userId_page_name: { userId, page, name } },
      create: { userId, page, name, query: JSON.stringify(query) },
      update: { query: JSON.stringify(query) },
    });
    res.status(201).json({ id: view.id, page, name, query });
  });

  router.post('/saved-views/:id/delete', async (req, res) => {
    const { count } = await db.savedView.deleteMany({ where: { id: req.params.id, userId: currentUser(res).id } });
    if (count === 0) throw new AppError('NOT_FOUND', `Saved view ${req.params.id} does not exist`);
    res.status(204).end();
  });

  return router;
}
