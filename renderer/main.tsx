import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, pickTransport } from './api/client';
import { ClientProvider } from './api/ClientContext';
import { App } from './shell/App';
import { AREA_VIEWS } from './shell/areas';
import { parseHash } from './shell/router';
import { startAreaRequests } from './shell/early-requests';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';

// The area on screen first starts downloading now, while React renders the shell, and its first
// request goes to the server at the same time.
const route = parseHash(window.location.hash);
void AREA_VIEWS[route.area].loader.load().catch(() => undefined);

const { transport, kind } = pickTransport();
const client = createClient(transport);
startAreaRequests(client, route);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ClientProvider client={client}>
      <App mode={kind} />
    </ClientProvider>
  </StrictMode>,
);
