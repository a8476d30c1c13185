import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Client } from './api/client';
import { ClientProvider } from './api/ClientContext';
import { App } from './shell/App';

// React and the shell's code have loaded and run their modules: e2e/cold-open.spec.ts and a trace
// of a cold open read this mark (the boot module's requests start before it).
performance.mark('workbench:shell');

/**
 * The shell with React, loaded by the boot module (boot.ts), which has already started the area's
 * code and its first request by the time this runs.
 */
export function mount(client: Client, kind: 'electron' | 'browser'): void {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <ClientProvider client={client}>
        <App mode={kind} />
      </ClientProvider>
    </StrictMode>,
  );
}
