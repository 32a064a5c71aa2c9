import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { DEMO_PASSWORD } from '../../prisma/seed';

/** Signs a user in and returns the session cookie as `name=value`, ready for a Cookie header. */
export async function logIn(appUrl: string, email: string, password: string, client: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_HEADER]: client },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${email} answered ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

export const logInAsDemoUser = (appUrl: string, email: string, client = 'script'): Promise<string> => logIn(appUrl, email, DEMO_PASSWORD, client);
