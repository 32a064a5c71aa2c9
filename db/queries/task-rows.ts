import { Prisma, type Task } from '../../prisma/generated/client';
import type { Db } from '../client';
import { readRows } from '../read-rows';

type Client = Db | Prisma.TransactionClient;

/** One task's row by id, null when there is none (inside a transaction: as that transaction sees it). */
export async function readTaskRow(db: Client, taskId: string): Promise<Task | null> {
  const [task] = await readRows<Task>(db, Prisma.sql`SELECT * FROM "Task" WHERE "id" = ${taskId}`);
  return task ?? null;
}

/** The task an automation rule created under `automationKey`, null when there is none yet. */
export async function readTaskByAutomationKey(db: Client, automationKey: string): Promise<Task | null> {
  const [task] = await readRows<Task>(db, Prisma.sql`SELECT * FROM "Task" WHERE "automationKey" = ${automationKey}`);
  return task ?? null;
}

/** Whether an Event with this dedupe key exists: the change it records was written already. */
export async function hasEventWithDedupeKey(db: Client, dedupeKey: string): Promise<boolean> {
  return (await readRows<{ id: number }>(db, Prisma.sql`SELECT "id" FROM "Event" WHERE "dedupeKey" = ${dedupeKey}`)).length > 0;
}

/** A user's role and whether they are active, null for an unknown id. */
export async function readUserStanding(db: Client, userId: string): Promise<{ id: string; active: boolean; role: string } | null> {
  const [user] = await readRows<{ id: string; active: boolean; role: string }>(db, Prisma.sql`SELECT "id", "active", "role" FROM "User" WHERE "id" = ${userId}`);
  return user ?? null;
}
