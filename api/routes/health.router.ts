import { Router } from 'express';
import type { HealthMonitor } from '../health/health-monitor';

export function createHealthRouter(deps: { health: HealthMonitor }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    const body = await deps.health.current();
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  });

  return router;
}
