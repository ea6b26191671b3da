import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { ErrorAlert, Notice, usePageTitle } from '../ui';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      expiresAt
    }
  }
`);

/** Only a path of this console: never an absolute or protocol-relative address (open redirect). */
const safeReturn = (value: string | null) => (value && /^\/(?!\/)/.test(value) ? value : '/');

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => Promise<unknown> }) {
  usePageTitle('Connexion');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LOGIN);
  const expired = params.get('session') === 'expiree';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await login({ variables: { email: email.trim(), password } }).catch(() => null);
    if (result?.data) {
      // Go back where an expired session left off; otherwise the routes send the agent to the role's landing.
      const back = params.get('retour');
      if (back) navigate(safeReturn(back), { replace: true });
      await onLoggedIn();
    }
  };

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion</h1>
        <p>Accès réservé aux agents des caisses d’assurance maladie.</p>
        {expired && !error && (
          <Notice severity="info">Votre session a expiré : reconnectez-vous pour continuer.</Notice>
        )}
        {error && <ErrorAlert error={error} />}
        <form onSubmit={submit} aria-label="Connexion">
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Identifiez-vous avec votre compte agent</legend>
            <div className="fr-fieldset__element">
              <div className="fr-input-group">
                <label className="fr-label" htmlFor="email">
                  Adresse électronique
                </label>
                <input
                  className="fr-input"
                  id="email"
                  name="email"
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              </div>
            </div>
            <div className="fr-fieldset__element">
              <div className="fr-input-group">
                <label className="fr-label" htmlFor="password">
                  Mot de passe
                </label>
                <input
                  className="fr-input"
                  id="password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </div>
            </div>
          </fieldset>
          <button className="fr-btn" type="submit" disabled={loading}>
            {loading ? 'Connexion…' : 'Se connecter'}
          </button>
        </form>
      </div>
    </div>
  );
}
