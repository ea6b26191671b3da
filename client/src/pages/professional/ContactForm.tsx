import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { ContactChannel } from '../../gql/graphql';
import { CONTACT_CHANNEL_LABELS } from '../../format';
import { ErrorAlert, Notice, SelectField } from '../../ui';
import { LOG_CONTACT } from './queries';

const CHANNELS = Object.entries(CONTACT_CHANNEL_LABELS) as [ContactChannel, string][];

/** A DAM logs a call, visit or e-mail with the professional. */
export function ContactForm({ professionalId, onDone }: { professionalId: string; onDone: () => void }) {
  const [channel, setChannel] = useState<ContactChannel>('CALL');
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [done, setDone] = useState(false);
  const [logContact, { loading, error }] = useMutation(LOG_CONTACT);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await logContact({
      variables: { input: { professionalId, channel, subject: subject.trim(), notes: notes.trim() } },
      refetchQueries: ['ProfessionalExchanges'],
    }).catch(() => null);
    if (result?.data) {
      setSubject('');
      setNotes('');
      setDone(true);
      onDone();
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="contact-form-title" className="fr-mb-3w mcbo-panel">
      <h3 id="contact-form-title" className="fr-h6">
        Consigner un échange
      </h3>
      {error && <ErrorAlert error={error} />}
      {done && <Notice severity="success">Échange consigné.</Notice>}
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-3">
          <SelectField
            id="channel"
            label="Canal"
            value={channel}
            options={CHANNELS}
            onChange={(v) => setChannel((v ?? 'CALL') as ContactChannel)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-9">
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="subject">
              Objet
            </label>
            <input
              className="fr-input"
              id="subject"
              required
              maxLength={200}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          </div>
        </div>
      </div>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="notes">
          Notes
        </label>
        <textarea
          className="fr-input"
          id="notes"
          rows={3}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <button className="fr-btn" type="submit" disabled={loading}>
        Consigner l’échange
      </button>
    </form>
  );
}
