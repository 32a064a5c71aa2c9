import { startAppWithoutTemporal } from '../support/offline-app';

jest.setTimeout(180_000);

// Temporal is not needed to read headers: the app's Temporal address is never called.
async function withApp<T>(secureCookie: boolean, body: (baseUrl: string) => Promise<T>): Promise<T> {
  const app = await startAppWithoutTemporal({ secureCookie });
  try {
    return await body(app.url);
  } finally {
    await app.close();
  }
}

describe('security headers', () => {
  it.each(['/api/openapi.json', '/api/leads', '/api/no-such-route'])('%s: a strict CSP, no framing, no sniffing, same-origin referrer, no-store', async (route) => {
    await withApp(false, async (baseUrl) => {
      const response = await fetch(`${baseUrl}${route}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    });
  });

  it('adds HSTS when the app runs behind HTTPS (COOKIE_SECURE=true)', async () => {
    await withApp(true, async (baseUrl) => {
      const response = await fetch(`${baseUrl}/api/openapi.json`);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    });
  });
});
