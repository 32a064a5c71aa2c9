import type { MentionableUser } from './mentions';

const MAX_SUGGESTIONS = 5;

/** The `@word` being typed just before the caret: where it starts and what follows the `@`. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|[^\w@])@([\w.-]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1]!;
  return { start: caret - query.length - 1, query };
}

const firstName = (user: MentionableUser): string => user.name.trim().split(/\s+/)[0]!;

/** The handle a picked teammate is written with: the first name when nobody else has it, else first.last. */
export function mentionHandleOf(user: MentionableUser, team: readonly MentionableUser[]): string {
  const first = firstName(user).toLowerCase();
  const shared = team.filter((other) => firstName(other).toLowerCase() === first).length > 1;
  return shared ? user.name.trim().toLowerCase().replace(/\s+/g, '.') : firstName(user);
}

/** Teammates whose name, any word of it, or e-mail handle starts with what was typed after `@`. */
export function suggestMentions<U extends MentionableUser>(query: string, team: readonly U[]): U[] {
  const typed = query.toLowerCase();
  const matches = (user: U) => [user.name, ...user.name.split(/\s+/), user.email.split('@')[0]!].some((word) => word.toLowerCase().startsWith(typed));
  return team.filter(matches).slice(0, MAX_SUGGESTIONS);
}
