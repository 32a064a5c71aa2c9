import type { CreateLeadInput } from '../../domain/leads/lead.schema';
import type { UserRole } from '../../domain/users/user-role';
import { hashPassword } from '../../db/passwords';
import type { Db } from '../../db/client';

let counter = 0;
export const TEST_PASSWORD = 'correct horse battery staple';

let cachedHash: Promise<string> | undefined;

export async function buildUser(db: Db, overrides: { role?: UserRole; name?: string; email?: string; active?: boolean } = {}) {
  counter += 1;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: overrides.email ?? `user${counter}-${Date.now()}@flipstackk.test`,
      name: overrides.name ?? `User ${counter}`,
      role: overrides.role ?? 'AGENT',
      active: overrides.active ?? true,
      passwordHash: await cachedHash,
    },
  });
}

export function buildLeadInput(overrides: Partial<Omit<CreateLeadInput, 'tags'>> = {}) {
  counter += 1;
  return {
    sellerName: `Seller ${counter}`,
    sellerPhone: '(937) 555-0100',
    street: `${counter} Oak St`,
    city: 'Dayton',
    state: 'OH',
    zip: '45402',
    propertyType: 'SFR',
    askingPrice: 90_000,
    source: 'DIRECT_MAIL',
    ...overrides,
  };
}

/** A lead row written straight to the database (the API's create path is tested on its own). */
export async function buildLead(db: Db, ownerId: string, overrides: Partial<Omit<CreateLeadInput, 'tags'>> & { createdAt?: Date } = {}) {
  const { ownerId: _owner, ...fields } = buildLeadInput(overrides);
  return db.lead.create({ data: { ...fields, ownerId, ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}) } });
}
