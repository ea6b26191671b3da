import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import 'virtual:dsfr-icons.css';
import './app.css';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { client } from './apollo';
import { App } from './App';
import { preloadReview } from './pages/review/preload';

// A review page opened cold asks for its chunk, piece and document now, beside the session check.
preloadReview(client, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
