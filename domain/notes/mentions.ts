export interface MentionableUser {
  id: string;
  name: string;
  email: string;
}

const handlesOf = (user: MentionableUser): string[] => {
  const name = user.name.trim().toLowerCase();
  return [user.email.split('@')[0]!.toLowerCase(), name.replace(/\s+/g, '.'), name.replace(/\s+/g, '')];
};

/**
 * The users a note mentions with `@handle`, where a handle is the e-mail's local part or the
 * name with its spaces as dots or removed: `@dana`, `@dana.diaz`, `@danadiaz`.
 */
export function findMentionedUsers<U extends MentionableUser>(body: string, users: readonly U[]): U[] {
  const tokens = new Set([...body.matchAll(/(?:^|[^\w@])@([\w][\w.-]*[\w]|[\w])/g)].map((match) => match[1]!.toLowerCase()));
  if (tokens.size === 0) return [];
  return users.filter((user) => handlesOf(user).some((handle) => tokens.has(handle)));
}
