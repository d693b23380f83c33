import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { prefetchForLocation } from './app/prefetch';
import { createQueryClient } from './app/query-client';
import { serverInfoQuery } from './lib/server-info';

const queryClient = createQueryClient();
// Wait briefly for the list's first page (a few milliseconds on the embedded emulator), so the
// first render already has rows; a slow API only delays the skeleton by 150 ms at most.
const firstPage = prefetchForLocation(queryClient, window.location);
// The header names the backend from the server's info: asked for now, alongside the rows, so the
// shell's first render has it instead of rendering again ("Connecting…" → the backend) after the
// rows are shown.
const serverInfo = queryClient.prefetchQuery(serverInfoQuery);
const shortWait = new Promise((resolve) => setTimeout(resolve, 150));

void Promise.race([Promise.all([firstPage, serverInfo]), shortWait]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  ),
);
