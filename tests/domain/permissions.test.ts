import { checkPermission, PERMISSION_ACTIONS, type Actor, type PermissionAction, type PermissionSubject } from '../../domain/auth/permissions';
import { USER_ROLES, type UserRole } from '../../domain/users/user-role';

const ME = 'me';
const OTHER = 'someone-else';
const actor = (role: UserRole): Actor => ({ id: ME, role });

const SUBJECTS = {
  'my lead': { type: 'lead', ownerId: ME },
  "another's lead": { type: 'lead', ownerId: OTHER },
  'my buyer': { type: 'buyer', ownerId: ME },
  "another's buyer": { type: 'buyer', ownerId: OTHER },
  'a purchase offer on my lead': { type: 'offer', kind: 'PURCHASE', leadOwnerId: ME, createdById: OTHER },
  "a purchase offer on another's lead": { type: 'offer', kind: 'PURCHASE', leadOwnerId: OTHER, createdById: OTHER },
  "a buyer's offer": { type: 'offer', kind: 'BUYER', leadOwnerId: ME, createdById: OTHER },
  'a task assigned to me': { type: 'task', assigneeId: ME, createdById: OTHER },
  "another's task": { type: 'task', assigneeId: OTHER, createdById: OTHER },
  'a task I created for another': { type: 'task', assigneeId: OTHER, createdById: ME },
  'my note': { type: 'note', authorId: ME },
  "another's note": { type: 'note', authorId: OTHER },
  "another's document": { type: 'document', uploadedById: OTHER },
  settings: { type: 'settings' },
  'a user': { type: 'user', id: OTHER },
  outbox: { type: 'outbox' },
} satisfies Record<string, PermissionSubject>;
type SubjectName = keyof typeof SUBJECTS;

// Y = allowed. One letter per action, in PERMISSION_ACTIONS order: read, create, update, archive, changeOwner.
const MATRIX: Record<UserRole, Record<SubjectName, string>> = {
  AGENT: {
    'my lead': 'YYYY-',
    "another's lead": 'YY---',
    'my buyer': 'Y----',
    "another's buyer": 'Y----',
    'a purchase offer on my lead': 'YYYY-',
    "a purchase offer on another's lead": 'Y----',
    "a buyer's offer": 'Y----',
    'a task assigned to me': 'YYYYY',
    "another's task": 'YY---',
    'a task I created for another': 'YYYY-',
    'my note': 'YYYY-',
    "another's note": 'YY---',
    "another's document": 'YY---',
    settings: 'Y----',
    'a user': 'Y----',
    outbox: '-----',
  },
  ACQUISITIONS: {
    'my lead': 'Y----',
    "another's lead": 'Y----',
    'my buyer': 'YYYY-',
    "another's buyer": 'YYYY-',
    'a purchase offer on my lead': 'Y----',
    "a purchase offer on another's lead": 'Y----',
    "a buyer's offer": 'YYYY-',
    'a task assigned to me': 'YYYYY',
    "another's task": 'YY---',
    'a task I created for another': 'YYYY-',
    'my note': 'YYYY-',
    "another's note": 'YY---',
    "another's document": 'YY---',
    settings: 'Y----',
    'a user': 'Y----',
    outbox: '-----',
  },
  SUPERVISOR: {
    'my lead': 'YYYYY',
    "another's lead": 'YYYYY',
    'my buyer': 'YYYYY',
    "another's buyer": 'YYYYY',
    'a purchase offer on my lead': 'YYYYY',
    "a purchase offer on another's lead": 'YYYYY',
    "a buyer's offer": 'YYYYY',
    'a task assigned to me': 'YYYYY',
    "another's task": 'YYYYY',
    'a task I created for another': 'YYYYY',
    'my note': 'YYYYY',
    "another's note": 'YY-YY',
    "another's document": 'YYYYY',
    settings: 'Y----',
    'a user': 'Y----',
    outbox: '-----',
  },
  // Everything, but another's note keeps its author's words.
  ADMIN: { ...(Object.fromEntries(Object.keys(SUBJECTS).map((name) => [name, 'YYYYY'])) as Record<SubjectName, string>), "another's note": 'YY-YY' },
};

const cases: Array<[UserRole, PermissionAction, SubjectName, boolean]> = USER_ROLES.flatMap((role) =>
  (Object.keys(SUBJECTS) as SubjectName[]).flatMap((subject) =>
    PERMISSION_ACTIONS.map((action, index): [UserRole, PermissionAction, SubjectName, boolean] => [role, action, subject, MATRIX[role][subject][index] === 'Y']),
  ),
);

describe('the permission matrix', () => {
  it.each(cases)('%s %s on %s: allowed %s', (role, action, subject, allowed) => {
    const check = checkPermission(actor(role), action, SUBJECTS[subject]);
    expect(check.ok).toBe(allowed);
  });

  it('says why a refusal happened, in words', () => {
    expect(checkPermission(actor('AGENT'), 'update', SUBJECTS["another's lead"])).toEqual({ ok: false, reason: "only the lead's owner, a supervisor or an admin can change this lead" });
    expect(checkPermission(actor('SUPERVISOR'), 'update', SUBJECTS.settings)).toEqual({ ok: false, reason: 'only an admin can change settings' });
    expect(checkPermission(actor('ADMIN'), 'update', SUBJECTS["another's note"])).toEqual({ ok: false, reason: 'only its author can change this note' });
    expect(checkPermission(actor('AGENT'), 'changeOwner', SUBJECTS["another's task"])).toEqual({ ok: false, reason: 'only the assignee, a supervisor or an admin can reassign this task' });
  });
});
