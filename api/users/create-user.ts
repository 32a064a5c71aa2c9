import type { z } from 'zod';
import type { createUserInputSchema, User } from '../../domain/users/user.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toUserJson } from '../../db/rows';
import { hashPassword } from '../../db/passwords';
import { assertNewPassword } from '../auth/common-passwords';
import { AppError } from '../errors';

/** A new user with a hashed password and a `user.created` event; an e-mail in use is a 409. */
export async function createUser(db: Db, { password, ...input }: z.infer<typeof createUserInputSchema>, actor: PublicUser): Promise<User> {
  if (await db.user.findUnique({ where: { email: input.email } })) {
    throw new AppError('CONFLICT', `A user with e-mail ${input.email} exists already`, { email: 'is taken' });
  }
  assertNewPassword(password);
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { ...input, passwordHash } });
    await recordEvent(tx, { entityType: 'user', entityId: created.id, action: 'created', entity: toUserJson(created), actorId: actor.id });
    return created;
  });
  return toUserJson(user);
}
