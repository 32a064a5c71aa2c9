import { mentionHandleOf, mentionQueryAt, suggestMentions } from '../../domain/notes/mention-suggestions';
import { findMentionedUsers } from '../../domain/notes/mentions';

jest.setTimeout(180_000);

const team = [
  { id: 'u1', name: 'Avery Agent', email: 'agent@flipstackk.test' },
  { id: 'u2', name: 'Sam Supervisor', email: 'supervisor@flipstackk.test' },
  { id: 'u3', name: 'Dana Diaz', email: 'dana@flipstackk.test' },
  { id: 'u4', name: 'Dana Dunn', email: 'dunn@flipstackk.test' },
];

describe('mention suggestions', () => {
  it.each([
    ['ask @Sa', 7, { start: 4, query: 'Sa' }],
    ['@', 1, { start: 0, query: '' }],
    ['mail dana@flip', 14, null],
    ['no mention', 10, null],
    ['@Sam then more', 14, null],
  ])('%j with the caret at %i → %j', (text, caret, expected) => {
    expect(mentionQueryAt(text, caret)).toEqual(expected);
  });

  it('suggests teammates by name, last name or e-mail handle', () => {
    expect(suggestMentions('sa', team).map((user) => user.id)).toEqual(['u2']);
    expect(suggestMentions('d', team).map((user) => user.id)).toEqual(['u3', 'u4']);
    expect(suggestMentions('superv', team).map((user) => user.id)).toEqual(['u2']);
    expect(suggestMentions('', team)).toHaveLength(4);
  });

  it('writes a picked teammate with a handle the note parser reads back as that teammate', () => {
    for (const user of team) {
      const handle = mentionHandleOf(user, team);
      expect(findMentionedUsers(`@${handle} please`, team).map((found) => found.id)).toEqual([user.id]);
    }
    expect(mentionHandleOf(team[0]!, team)).toBe('Avery');
    expect(mentionHandleOf(team[2]!, team)).toBe('dana.diaz');
  });
});
