import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The built web app (`npm run build:web`): its files as the build compressed them (brotli, else
 * gzip, for a browser that takes it; web/vite.config.ts writes the .br and .gz beside each file),
 * so no request spends the API's CPU compressing, and the page for every other path of the app.
 */
export function serveWebApp(webDist: string): Router {
  const router = Router();
  router.use(
    expressStaticGzip(webDist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        maxAge: '1h',
        setHeaders: (res, file) => {
          // Built files carry a hash of their content in their names: a browser may keep them for good.
          if (path.relative(webDist, file).startsWith(`assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      },
    }),
  );
  // Not for /assets/: an old tab asking for a chunk a newer build replaced gets a 404, not the page as a script.
  router.get(/^(?!\/api\/|\/assets\/).*/, (_req, res) => {
    res.sendFile(path.resolve(webDist, 'index.html'));
  });
  return router;
}

/** Whether `webDist` holds a built app to serve. */
export const hasWebApp = (webDist: string | undefined): webDist is string => webDist !== undefined && fs.existsSync(path.join(webDist, 'index.html'));
