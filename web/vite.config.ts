import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API's port, as the stack is started (`PORT=3100 npm run dev:web` next to `PORT=3100 npm start`).
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  // No source maps in the production build: the served app does not publish its sources.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    // SSE on /api/events passes through unbuffered; the API sets no-transform and no compression.
    proxy: { '/api': { target: apiTarget } },
  },
});
