import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToApi } from './api/connectToApi';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { MissingApiPage } from './components/MissingApiPage';

const connection = connectToApi();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders>{connection.kind === 'missing' ? <MissingApiPage /> : <App api={connection.api} />}</AppProviders>
  </StrictMode>,
);
