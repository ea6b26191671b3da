import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { ErrorAlert } from '../ui';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      expiresAt
    }
  }
`);

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LOGIN);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await login({ variables: { email: email.trim(), password } }).catch(() => null);
    if (result?.data) onLoggedIn();
  };

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-6">
        <h1>Connexion</h1>
        <p>Accès réservé aux agents des caisses d’assurance maladie.</p>
        {error && <ErrorAlert error={error} />}
        <form onSubmit={submit} aria-label="Connexion">
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="email">
              Adresse électronique
            </label>
            <input
              className="fr-input"
              id="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="password">
              Mot de passe
            </label>
            <input
              className="fr-input"
              id="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button className="fr-btn" type="submit" disabled={loading}>
            Se connecter
          </button>
        </form>
      </div>
    </div>
  );
}
