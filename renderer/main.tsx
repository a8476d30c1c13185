import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, pickTransport } from './api/client';
import { ClientProvider } from './api/ClientContext';
import { App } from './shell/App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';

const { transport, kind } = pickTransport();
const client = createClient(transport);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ClientProvider client={client}>
      <App mode={kind} />
    </ClientProvider>
  </StrictMode>,
);
