import './lib/zod-config';
// Before the rest of the app's code runs: the page's data is on its way while it starts.
import './start-early-requests';
// The base stylesheet first, so each feature's CSS comes after it and can refine it.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, queryClient } from './app';
import { registerServiceWorker } from './lib/register-service-worker';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker(queryClient);
