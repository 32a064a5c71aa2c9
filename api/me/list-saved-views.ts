import type { SavedView } from '../../domain/users/user-items.schema';
import type { Db } from '../../db/client';

/** The user's saved views by name, of one list page or of all. */
export async function listSavedViews(db: Db, userId: string, page: SavedView['page'] | undefined) {
  const views = await db.savedView.findMany({ where: { userId, ...(page ? { page } : {}) }, orderBy: { name: 'asc' } });
  return { items: views.map((view) => ({ id: view.id, page: view.page, name: view.name, query: JSON.parse(view.query) as Record<string, string> })) };
}
