import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../../format';
import type { AgentRole } from '../../gql/graphql';
import { useAgent } from '../../session';
import { Badge, ErrorAlert, Loading, Modal, Notice, Pager, SelectField, usePageTitle } from '../../ui';
import { AGENTS, CHANGE_AGENT_ROLE, CREATE_AGENT, DISABLE_AGENT, ENABLE_AGENT } from './queries';

const ROLES = Object.entries(ROLE_LABELS) as [AgentRole, string][];

type Row = NonNullable<ReturnType<typeof useAgentsPage>['data']>['agents']['nodes'][number];

function useAgentsPage(after: string | null) {
  return useQuery(AGENTS, { variables: { first: 100, after }, fetchPolicy: 'cache-and-network' });
}

/** Creates an agent; a generated password is shown once. */
function CreateAgentForm({ onCreated }: { onCreated: () => void }) {
  const me = useAgent();
  const [create, { loading, error }] = useMutation(CREATE_AGENT);
  const [role, setRole] = useState<AgentRole>('CONSEILLER');
  const [created, setCreated] = useState<{ email: string; password: string | null } | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await create({
      variables: {
        input: {
          email: String(form.get('email') ?? '').trim(),
          displayName: String(form.get('displayName') ?? '').trim(),
          caisseCode: String(form.get('caisseCode') ?? '').trim(),
          role,
          nationalScope: form.get('nationalScope') === 'on',
        },
      },
    }).catch(() => null);
    const done = result?.data?.createAgent;
    if (done) {
      setCreated({ email: done.agent.email, password: done.generatedPassword ?? null });
      (event.target as HTMLFormElement).reset();
      onCreated();
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="create-agent-title" className="fr-mb-4w">
      <h2 id="create-agent-title" className="fr-h4">
        Créer un agent
      </h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6 fr-input-group">
          <label className="fr-label" htmlFor="agent-name">
            Nom affiché
          </label>
          <input className="fr-input" id="agent-name" name="displayName" required maxLength={100} />
        </div>
        <div className="fr-col-12 fr-col-md-6 fr-input-group">
          <label className="fr-label" htmlFor="agent-email">
            Adresse électronique
          </label>
          <input className="fr-input" id="agent-email" name="email" type="email" required autoComplete="off" />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <SelectField
            id="agent-role"
            label="Rôle"
            value={role}
            options={ROLES}
            onChange={(v) => setRole((v as AgentRole) ?? 'CONSEILLER')}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4 fr-input-group">
          <label className="fr-label" htmlFor="agent-caisse">
            Caisse <span className="fr-hint-text">Code à 3 caractères, ex. 751</span>
          </label>
          <input
            className="fr-input"
            id="agent-caisse"
            name="caisseCode"
            required
            pattern="\d{3}|2[AB]\d"
            defaultValue={me.caisseCode}
          />
        </div>
        {me.nationalScope && (
          <div className="fr-col-12 fr-col-md-4 fr-checkbox-group fr-mt-4w">
            <input type="checkbox" id="agent-national" name="nationalScope" />
            <label className="fr-label" htmlFor="agent-national">
              Visibilité nationale
            </label>
          </div>
        )}
      </div>
      <button type="submit" className="fr-btn fr-mt-2w" disabled={loading}>
        Créer l’agent
      </button>
      {error && <ErrorAlert error={error} />}
      {created && (
        <Notice severity="success">
          Agent {created.email} créé.
          {created.password && (
            <>
              {' '}
              Mot de passe à lui transmettre (il ne sera plus affiché) : <code>{created.password}</code>
            </>
          )}
        </Notice>
      )}
    </form>
  );
}

/** Changes an agent's role, caisse and scope, after a confirmation. */
function RoleDialog({ agent, onClose }: { agent: Row; onClose: () => void }) {
  const me = useAgent();
  const [role, setRole] = useState<AgentRole>(agent.role);
  const [caisseCode, setCaisse] = useState(agent.caisseCode);
  const [national, setNational] = useState(agent.nationalScope);
  const [change, { loading, error }] = useMutation(CHANGE_AGENT_ROLE);
  const save = async () => {
    const result = await change({
      variables: { id: agent.id, role, caisseCode: caisseCode.trim(), nationalScope: national },
    }).catch(() => null);
    if (result?.data) onClose();
  };
  return (
    <Modal
      id="role-dialog"
      open
      title={`Changer le rôle de ${agent.displayName}`}
      onClose={onClose}
      footer={
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={onClose}>
              Annuler
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn" onClick={save} disabled={loading}>
              Enregistrer le rôle
            </button>
          </li>
        </ul>
      }
    >
      <p>Ses habilitations changent dès sa prochaine requête ; le changement est tracé dans le journal.</p>
      <SelectField
        id="role-dialog-role"
        label="Nouveau rôle"
        value={role}
        options={ROLES}
        onChange={(v) => setRole((v as AgentRole) ?? agent.role)}
      />
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="role-dialog-caisse">
          Caisse
        </label>
        <input
          className="fr-input"
          id="role-dialog-caisse"
          value={caisseCode}
          onChange={(e) => setCaisse(e.target.value)}
        />
      </div>
      {me.nationalScope && (
        <div className="fr-checkbox-group">
          <input
            type="checkbox"
            id="role-dialog-national"
            checked={national}
            onChange={(e) => setNational(e.target.checked)}
          />
          <label className="fr-label" htmlFor="role-dialog-national">
            Visibilité nationale
          </label>
        </div>
      )}
      {error && <ErrorAlert error={error} />}
    </Modal>
  );
}

export function AgentsAdmin() {
  usePageTitle('Administration – agents');
  const me = useAgent();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, loading, error, refetch } = useAgentsPage(after);
  const [editing, setEditing] = useState<Row | null>(null);
  const [disable, disabling] = useMutation(DISABLE_AGENT);
  const [enable, enabling] = useMutation(ENABLE_AGENT);
  const page = data?.agents;
  return (
    <>
      <h1>Agents</h1>
      <CreateAgentForm onCreated={() => void refetch()} />
      <h2 className="fr-h4">Agents {me.nationalScope ? 'de toutes les caisses' : `de la caisse ${me.caisseCode}`}</h2>
      {loading && !data && <Loading />}
      {error && <ErrorAlert error={error} />}
      {(disabling.error || enabling.error) && <ErrorAlert error={disabling.error ?? enabling.error} />}
      {page && (
        <div className="fr-table fr-table--no-caption" data-testid="agents-table">
          <table tabIndex={0}>
            <caption>Agents ({page.totalCount})</caption>
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Rôle</th>
                <th scope="col">Caisse</th>
                <th scope="col">État</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.displayName}
                    <br />
                    <span className="fr-text--sm">{a.email}</span>
                  </td>
                  <td>{ROLE_LABELS[a.role]}</td>
                  <td>
                    {a.caisseCode}
                    {a.nationalScope ? ' (national)' : ''}
                  </td>
                  <td>
                    {a.active ? <Badge severity="success">Actif</Badge> : <Badge severity="error">Désactivé</Badge>}
                  </td>
                  <td>
                    {a.id !== me.id && (
                      <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                        <li>
                          <button
                            type="button"
                            className="fr-btn fr-btn--sm fr-btn--secondary"
                            onClick={() => setEditing(a)}
                            aria-label={`Changer le rôle de ${a.displayName}`}
                          >
                            Changer le rôle
                          </button>
                        </li>
                        <li>
                          <button
                            type="button"
                            className="fr-btn fr-btn--sm fr-btn--tertiary"
                            aria-label={`${a.active ? 'Désactiver' : 'Réactiver'} ${a.displayName}`}
                            onClick={() =>
                              void (a.active ? disable : enable)({ variables: { id: a.id } }).catch(() => null)
                            }
                          >
                            {a.active ? 'Désactiver' : 'Réactiver'}
                          </button>
                        </li>
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        onFirstPage={cursors.length > 1 ? () => setCursors([null]) : null}
        onNextPage={
          page?.pageInfo.hasNextPage ? () => setCursors((c) => [...c, page.pageInfo.endCursor ?? null]) : null
        }
      />
      {editing && <RoleDialog agent={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
