import { startAppWithoutTemporal } from '../support/offline-app';

jest.setTimeout(180_000);

it('answers 503 naming Temporal when Temporal is down', async () => {
  const app = await startAppWithoutTemporal();
  try {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'down', db: 'ok', temporal: 'down' });
  } finally {
    await app.close();
  }
});
