import { changePasswordInputSchema } from '../../domain/auth/session.schema';
import { findPasswordProblem, newPasswordSchema } from '../../domain/auth/password-policy';
import { createUserInputSchema, updateUserInputSchema } from '../../domain/users/user.schema';

jest.setTimeout(180_000);

const COMMON = new Set(['password', 'qwertyuiop', 'dragon', 'iloveyou', 'qwerty123456', 'sunshine']);
const TOO_COMMON = 'is too common: choose one that is not on the lists of leaked passwords, e.g. a few unrelated words';

describe('findPasswordProblem', () => {
  it.each([
    ['', 'must be at least 12 characters'],
    ['aaaaaaaaaa', 'must be at least 12 characters'],
    ['Tr0ub4dor&3', 'must be at least 12 characters'],
    ['x'.repeat(201), 'must be at most 200 characters'],
    ['aaaaaaaaaaaa', 'must not be one short pattern repeated'],
    ['abcabcabcabc', 'must not be one short pattern repeated'],
    ['PasswordPassword', 'must not be one short pattern repeated'],
    ['aaaaaaaaaa12', 'must not be one short pattern repeated'],
    ['123456789012', 'must not be a run of letters or digits'],
    ['abcdefghijklmn', 'must not be a run of letters or digits'],
    ['9876543210987', 'must not be a run of letters or digits'],
    ['qwerty123456', TOO_COMMON],
    ['Password2024!', TOO_COMMON],
    ['QWERTYUIOP!!', TOO_COMMON],
    ['1234iloveyou', TOO_COMMON],
    ['sunshine12345678', TOO_COMMON],
  ])('%j: %s', (password, problem) => {
    expect(findPasswordProblem(password, COMMON)).toBe(problem);
  });

  it.each(['correct horse battery staple', 'Dayton duplex 4 closing', 'mysecurepassword2024', 'sunshine on the porch', 'x'.repeat(11) + 'y', 'é'.repeat(6) + 'wholesale'])(
    '%j is acceptable',
    (password) => {
      expect(findPasswordProblem(password, COMMON)).toBeNull();
    },
  );

  it('checks only the patterns without a list (what the browser does; the server adds the list)', () => {
    expect(findPasswordProblem('Password2024!', new Set())).toBeNull();
    expect(newPasswordSchema().safeParse('short').success).toBe(false);
  });
});

describe('every schema that sets a password uses the policy', () => {
  it.each([
    ['creating a user', createUserInputSchema, { email: 'a@b.test', name: 'A', role: 'AGENT', password: 'aaaaaaaaaa' }, 'password'],
    ['an admin reset', updateUserInputSchema, { password: 'aaaaaaaaaaaa' }, 'password'],
    ['changing my own', changePasswordInputSchema, { currentPassword: 'old one', newPassword: '123456789012' }, 'newPassword'],
  ])('%s', (_what, schema, input, field) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });

  it('refuses a new password equal to the current one', () => {
    const result = changePasswordInputSchema.safeParse({ currentPassword: 'correct horse battery staple', newPassword: 'correct horse battery staple' });
    expect(result.error!.issues).toMatchObject([{ path: ['newPassword'], message: 'must differ from your current password' }]);
  });
});
