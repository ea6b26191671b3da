import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { CatalogueEntryFragment, MessagingType } from '../../gql/graphql';
import { MESSAGING_LABELS } from '../../software-labels';
import { ErrorAlert, Modal, Notice, SelectField } from '../../ui';
import { UPSERT_SOFTWARE } from './queries';

export type SoftwareFormMode =
  { kind: 'new' } | { kind: 'version'; from: CatalogueEntryFragment } | { kind: 'edit'; entry: CatalogueEntryFragment };

const MESSAGING_OPTIONS = Object.entries(MESSAGING_LABELS) as [MessagingType, string][];

const TITLES = { new: 'Ajouter un logiciel', version: 'Nouvelle version', edit: 'Modifier les qualités' };

/**
 * Adds a software (or a new version of one) or changes an entry's qualities. Publisher, name and version
 * of an entry never change (declarations refer to them): the form shows them read-only when editing.
 */
export function SoftwareForm({
  mode,
  onClose,
  onSaved,
}: {
  mode: SoftwareFormMode;
  onClose: () => void;
  onSaved: (summary: string) => void;
}) {
  const base = mode.kind === 'edit' ? mode.entry : mode.kind === 'version' ? mode.from : null;
  const [dmp, setDmp] = useState(base?.dmpCompatible ?? false);
  const [messaging, setMessaging] = useState<MessagingType | null>(base?.messagingType ?? null);
  const [upsert, { loading, error }] = useMutation(UPSERT_SOFTWARE);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const since = text('dmpCompatibleSince');
    const result = await upsert({
      variables: {
        input: {
          id: mode.kind === 'edit' ? mode.entry.id : null,
          expectedRevision: mode.kind === 'edit' ? mode.entry.revision : null,
          publisherName: mode.kind === 'edit' ? mode.entry.publisher.name : text('publisherName'),
          name: mode.kind === 'edit' ? mode.entry.name : text('name'),
          version: mode.kind === 'edit' ? mode.entry.version : text('version'),
          dmpCompatible: dmp,
          dmpCompatibleSince: dmp && since ? since : null,
          lapCertified: form.get('lapCertified') === 'on',
          messagingType: messaging,
        },
      },
    }).catch(() => null);
    const answer = result?.data?.upsertSoftware;
    if (answer?.__typename === 'ReferentielRefused') setRefusal(answer.message);
    if (answer?.__typename === 'SoftwareSaved')
      onSaved(`${answer.software.name} ${answer.software.version} enregistré. ${answer.summary}`);
  };
  const fixed = mode.kind === 'edit';
  return (
    <Modal
      id="software-form"
      open
      title={TITLES[mode.kind]}
      onClose={onClose}
      footer={
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--right">
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={onClose}>
              Annuler
            </button>
          </li>
          <li>
            <button type="submit" form="software-form-fields" className="fr-btn" disabled={loading}>
              Enregistrer
            </button>
          </li>
        </ul>
      }
    >
      <form id="software-form-fields" onSubmit={submit}>
        <p className="fr-text--sm">
          Chaque modification est tracée (révision, auteur, date) et réévalue les déclarations des campagnes ouvertes
          qui citent ce logiciel ; une campagne calculée garde son calcul.
        </p>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="sw-publisher">
            Éditeur
          </label>
          <input
            className="fr-input"
            id="sw-publisher"
            name="publisherName"
            required
            readOnly={fixed || mode.kind === 'version'}
            defaultValue={base?.publisher.name ?? ''}
          />
        </div>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="sw-name">
            Logiciel
          </label>
          <input
            className="fr-input"
            id="sw-name"
            name="name"
            required
            readOnly={fixed || mode.kind === 'version'}
            defaultValue={base?.name ?? ''}
          />
        </div>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="sw-version">
            Version
          </label>
          <input
            className="fr-input"
            id="sw-version"
            name="version"
            required
            readOnly={fixed}
            defaultValue={mode.kind === 'edit' ? mode.entry.version : ''}
          />
        </div>
        <div className="fr-checkbox-group">
          <input type="checkbox" id="sw-dmp" checked={dmp} onChange={(e) => setDmp(e.target.checked)} />
          <label className="fr-label" htmlFor="sw-dmp">
            Compatible DMP
          </label>
        </div>
        {dmp && (
          <div className="fr-input-group fr-mt-2w">
            <label className="fr-label" htmlFor="sw-dmp-since">
              Compatible DMP depuis le <span className="fr-hint-text">Facultatif</span>
            </label>
            <input
              className="fr-input"
              type="date"
              id="sw-dmp-since"
              name="dmpCompatibleSince"
              defaultValue={base?.dmpCompatibleSince ?? ''}
            />
          </div>
        )}
        <div className="fr-checkbox-group fr-mt-2w">
          <input type="checkbox" id="sw-lap" name="lapCertified" defaultChecked={base?.lapCertified ?? false} />
          <label className="fr-label" htmlFor="sw-lap">
            LAP certifié HAS
          </label>
        </div>
        <SelectField
          id="sw-messaging"
          label="Messagerie sécurisée"
          value={messaging ?? ''}
          allLabel="Non renseignée"
          options={MESSAGING_OPTIONS}
          onChange={(v) => setMessaging((v as MessagingType | null) ?? null)}
        />
        {refusal && <Notice severity="error">{refusal}</Notice>}
        {error && <ErrorAlert error={error} />}
      </form>
    </Modal>
  );
}
