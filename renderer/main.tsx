import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToApi } from './api/connectToApi';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { ErrorBoundary } from './components/ErrorBoundary';
import { MissingApiPage } from './components/MissingApiPage';

const connection = connectToApi();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <ErrorBoundary>{connection.kind === 'missing' ? <MissingApiPage /> : <App api={connection.api} />}</ErrorBoundary>
    </AppProviders>
  </StrictMode>,
);
