import type { z } from 'zod';
import type { savedViewInputSchema, SavedView } from '../../domain/users/user-items.schema';
import type { Db } from '../../db/client';

/** Saves a list's filters under a name; the same name on the same page is replaced. */
export async function saveView(db: Db, userId: string, { page, name, query }: z.infer<typeof savedViewInputSchema>): Promise<SavedView> {
  const view = await db.savedView.upsert({
    where: { userId_page_name: { userId, page, name } },
    create: { userId, page, name, query: JSON.stringify(query) },
    update: { query: JSON.stringify(query) },
  });
  return { id: view.id, page, name, query };
}
