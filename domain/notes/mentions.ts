export interface MentionableUser {
  id: string;
  name: string;
  email: string;
}

const handlesOf = (user: MentionableUser): string[] => {
  const name = user.name.trim().toLowerCase();
  return [user.email.split('@')[0]!.toLowerCase(), name.replace(/\s+/g, '.'), name.replace(/\s+/g, '')];
};

const firstNameOf = (user: MentionableUser): string => user.name.trim().split(/\s+/)[0]!.toLowerCase();

/**
 * The users a note mentions with `@handle`, where a handle is the e-mail's local part, the name
 * with its spaces as dots or removed (`@avery.agent`, `@averyagent`), or the first name alone
 * (`@Avery`) when no other user has that first name; a shared first name needs a fuller handle.
 */
export function findMentionedUsers<U extends MentionableUser>(body: string, users: readonly U[]): U[] {
  const tokens = new Set([...body.matchAll(/(?:^|[^\w@])@([\w][\w.-]*[\w]|[\w])/g)].map((match) => match[1]!.toLowerCase()));
  if (tokens.size === 0) return [];
  const sharing = new Map<string, number>();
  for (const user of users) sharing.set(firstNameOf(user), (sharing.get(firstNameOf(user)) ?? 0) + 1);
  const byFirstName = (user: U) => sharing.get(firstNameOf(user)) === 1 && tokens.has(firstNameOf(user));
  return users.filter((user) => handlesOf(user).some((handle) => tokens.has(handle)) || byFirstName(user));
}
