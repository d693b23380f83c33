import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { prefetchForLocation } from './app/prefetch';
import { createQueryClient } from './app/query-client';

const queryClient = createQueryClient();
prefetchForLocation(queryClient, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
