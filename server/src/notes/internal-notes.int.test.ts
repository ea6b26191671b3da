/**
 * Private notes (annotations internes): an agent of the caisse annotates a piece or a file, every agent
 * of that caisse reads them (newest first, with the author), another caisse never (not even with a
 * national scope), and each note is audited; a refused note writes nothing.
 */
import { AuditEvent } from '../audit/audit-event.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional, receivedJustificatif } from '../test-support/world';
import { InternalNote } from './internal-note.entity';

const ADD = `mutation Add($input: AddInternalNoteInput!) {
  addInternalNote(input: $input) {
    __typename
    ... on InternalNoteAdded { note { id body justificatifId professionalId agent { displayName } } }
    ... on InternalNoteRefused { message field }
  }
}`;
const LIST = `query Notes($professionalId: ID, $justificatifId: ID) {
  internalNotes(professionalId: $professionalId, justificatifId: $justificatifId) { id body justificatifId agent { displayName } }
}`;

jest.setTimeout(60_000);

describe('internal notes', () => {
  let t: TestApp;
  let conseiller: string;
  let dam: string;
  let away: string;
  let national: string;
  let professionalId: string;
  let justificatifId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.manager;
    await createCaisses(em);
    const campaign = await createCampaign(em, 'fami-2024.json', 'OPEN');
    const professional = await createProfessional(em, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    const piece = await receivedJustificatif(em, professional, campaign, 'LOG_DMP');
    professionalId = String(professional.id);
    justificatifId = String(piece.id);
    const agents = await Promise.all([
      t.createAgent({ role: 'CONSEILLER', caisseCode: '211' }),
      t.createAgent({ role: 'DAM', caisseCode: '211' }),
      t.createAgent({ role: 'CONSEILLER', caisseCode: '751' }),
      t.createAgent({ role: 'SUPERVISEUR', caisseCode: '751', nationalScope: true }),
    ]);
    const tokens = await Promise.all(agents.map((a) => t.login(a.email)));
    [conseiller, dam, away, national] = tokens as [string, string, string, string];
  });
  afterAll(() => t.stop());

  test('a note on a piece is read by the caisse’s agents, on the piece and on the file, and audited', async () => {
    const added = await t.gql<{ addInternalNote: Loose }>(
      ADD,
      { input: { justificatifId, body: '  Facture illisible en bas de page : rappeler le cabinet.  ' } },
      conseiller,
    );
    expect(added.errors).toBeUndefined();
    const note = added.data!.addInternalNote;
    expect(note.__typename).toBe('InternalNoteAdded');
    expect(note.note).toMatchObject({
      body: 'Facture illisible en bas de page : rappeler le cabinet.',
      justificatifId,
      professionalId,
      agent: { displayName: 'Agent CONSEILLER 211' },
    });
    const onFile = await t.gql<{ addInternalNote: Loose }>(
      ADD,
      { input: { professionalId, body: 'Cabinet joignable le matin seulement.' } },
      dam,
    );
    expect(onFile.data!.addInternalNote.note.justificatifId).toBeNull();

    // The piece shows its own note; the file shows both, newest first.
    const piece = await t.gql<{ internalNotes: Loose[] }>(LIST, { justificatifId }, dam);
    expect(piece.data!.internalNotes.map((n) => n.body)).toEqual([
      'Facture illisible en bas de page : rappeler le cabinet.',
    ]);
    const file = await t.gql<{ internalNotes: Loose[] }>(LIST, { professionalId }, conseiller);
    expect(file.data!.internalNotes.map((n) => n.body)).toEqual([
      'Cabinet joignable le matin seulement.',
      'Facture illisible en bas de page : rappeler le cabinet.',
    ]);

    const audit = await t.db.getRepository(AuditEvent).findBy({ action: 'INTERNAL_NOTE_ADDED' });
    expect(audit.map((a) => [a.targetType, a.caisseCode, a.professionalId])).toEqual(
      expect.arrayContaining([
        ['JUSTIFICATIF', '211', Number(professionalId)],
        ['PROFESSIONAL', '211', Number(professionalId)],
      ]),
    );
    expect(audit).toHaveLength(2);
  });

  test('another caisse neither reads nor writes them, national scope included', async () => {
    for (const token of [away, national]) {
      const read = await t.gql(LIST, { professionalId }, token);
      expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const write = await t.gql(ADD, { input: { justificatifId, body: 'Intrus' } }, token);
      expect(write.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(await t.db.getRepository(InternalNote).countBy({ body: 'Intrus' })).toBe(0);
  });

  test.each([
    ['an empty note', { justificatifId: 'J', body: '   ' }, 'body', 'L’annotation est vide.'],
    [
      'a note too long',
      { justificatifId: 'J', body: 'x'.repeat(2001) },
      'body',
      'L’annotation dépasse 2 000 caractères.',
    ],
    [
      'a note on both a file and a piece',
      { justificatifId: 'J', professionalId: 'P', body: 'Deux cibles' },
      'professionalId',
      'Annotez soit un dossier, soit une pièce.',
    ],
    ['a note on nothing', { body: 'Sans cible' }, 'professionalId', 'Annotez soit un dossier, soit une pièce.'],
  ])('%s is refused, typed, and nothing is written', async (_case, raw, field, message) => {
    const input = {
      ...raw,
      ...('justificatifId' in raw ? { justificatifId } : {}),
      ...('professionalId' in raw ? { professionalId } : {}),
    };
    const before = await t.db.getRepository(InternalNote).count();
    const auditBefore = await t.db.getRepository(AuditEvent).countBy({ action: 'INTERNAL_NOTE_ADDED' });
    const result = await t.gql<{ addInternalNote: Loose }>(ADD, { input }, conseiller);
    expect(result.data!.addInternalNote).toEqual({ __typename: 'InternalNoteRefused', message, field });
    expect(await t.db.getRepository(InternalNote).count()).toBe(before);
    expect(await t.db.getRepository(AuditEvent).countBy({ action: 'INTERNAL_NOTE_ADDED' })).toBe(auditBefore);
  });
});
