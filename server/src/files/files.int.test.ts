import type { Professional } from '../professionals/professional.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { startTestApp, type Loose, type TestApp } from '../test-support/test-app';
import { createCaisses, createCampaign, createProfessional } from '../test-support/world';
import { Justificatif } from '../justificatifs/justificatif.entity';

const RECEIVE = `mutation R($input: ReceiveJustificatifInput!) {
  receiveJustificatif(input: $input) { justificatif { id status version fileUrl } indicator { atteinte { status } } }
}`;

describe('documents: upload, receipt, download', () => {
  let t: TestApp;
  let dentist: Professional;
  let token: string;

  const upload = async (
    bytes: Buffer,
    name: string,
    headers: Record<string, string> = { 'x-mcbo-csrf': '1' },
    bearer = token,
  ) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const response = await fetch(`${t.url}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, ...headers },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Loose };
  };
  const input = (fileId: string, extra: Loose = {}) => ({
    input: {
      professionalId: String(dentist.id),
      campaignYear: 2024,
      scheme: 'FAMI',
      indicatorCode: 'LOG_DMP',
      channel: 'EMAIL',
      fileId,
      ...extra,
    },
  });

  beforeAll(async () => {
    t = await startTestApp();
    await createCaisses(t.db.manager);
    await createCampaign(t.db.manager, 'fami-2024.json', 'CLOSED');
    dentist = await createProfessional(t.db.manager, { profession: 'CHIRURGIEN_DENTISTE', caisseCode: '211' });
    token = await t.login((await t.createAgent({ role: 'CONSEILLER', caisseCode: '211' })).email);
  });
  afterAll(async () => t.stop());

  it('stores a PDF by content hash, once', async () => {
    const pdf = Buffer.from('%PDF-1.7\nfacture Dentalia DMP compatible\n');
    const first = await upload(pdf, 'facture.pdf');
    const again = await upload(pdf, 'copie.pdf');
    expect(first).toMatchObject({ status: 201, body: { contentType: 'application/pdf', sizeBytes: pdf.length } });
    expect(first.body.id).toMatch(/^[a-f0-9]{64}$/);
    expect(again.body.id).toBe(first.body.id);
  });

  it.each([
    [
      'an executable renamed .pdf',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      'facture.pdf',
      415,
      'FILE_REJECTED',
    ],
    ['an HTML page', Buffer.from('<html><script>alert(1)</script>'), 'scan.png', 415, 'FILE_REJECTED'],
    ['an empty file', Buffer.alloc(0), 'vide.pdf', 415, 'FILE_REJECTED'],
    [
      'a file over 10 MB',
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 10)]),
      'gros.pdf',
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('refuses %s', async (_label, bytes, name, status, code) => {
    const result = await upload(bytes, name);
    expect(result).toMatchObject({ status, body: { error: { code } } });
  });

  it('refuses an upload without the CSRF header or without a session', async () => {
    expect((await upload(Buffer.from('%PDF-1.7'), 'a.pdf', {})).status).toBe(403);
    expect(
      (await upload(Buffer.from('%PDF-1.7'), 'a.pdf', { 'x-mcbo-csrf': '1' }, 'not-a-token-at-all-xxxxxxxx')).status,
    ).toBe(401);
  });

  it('records a received document, then refuses the same document twice', async () => {
    const { body } = await upload(Buffer.from('%PDF-1.7\nattestation éditeur\n'), 'attestation.pdf');
    const received = await t.gql<{ receiveJustificatif: Loose }>(RECEIVE, input(body.id), token);
    expect(received.errors).toBeUndefined();
    expect(received.data?.receiveJustificatif.justificatif).toMatchObject({
      status: 'RECEIVED',
      version: 1,
      fileUrl: `/api/files/${body.id}`,
    });
    const twice = await t.gql(RECEIVE, input(body.id), token);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it.each([
    ['an unknown file', { fileId: 'f'.repeat(64) }, 'BAD_USER_INPUT'],
    ['a malformed file id', { fileId: '../etc/passwd' }, 'BAD_USER_INPUT'],
    ['an indicator that takes no document', { indicatorCode: 'PEC' }, 'BAD_USER_INPUT'],
    ['an unknown indicator', { indicatorCode: 'NOPE' }, 'BAD_USER_INPUT'],
    ['an unknown campaign', { campaignYear: 2031 }, 'NOT_FOUND'],
    ['a date in the future', { receivedAt: '2099-01-01T00:00:00.000Z' }, 'BAD_USER_INPUT'],
    ['a malformed professional id', { professionalId: 'x1' }, 'BAD_USER_INPUT'],
  ])('answers %s with a typed error and records nothing', async (_label, extra, code) => {
    const { body } = await upload(Buffer.from(`%PDF-1.7\n${_label}\n`), 'x.pdf');
    const before = await t.db.getRepository(Justificatif).count();
    const result = await t.gql(RECEIVE, input((extra as Loose).fileId ?? body.id, extra), token);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await t.db.getRepository(Justificatif).count()).toBe(before);
  });

  it('streams a document with safe headers and records the access; another caisse gets 404', async () => {
    const { body } = await upload(Buffer.from('%PDF-1.7\nà lire\n'), 'lire.pdf');
    await t.gql(RECEIVE, input(body.id), token);
    const dam = await t.login((await t.createAgent({ role: 'DAM', caisseCode: '211' })).email);
    const response = await fetch(`${t.url}/api/files/${body.id}`, { headers: { authorization: `Bearer ${dam}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="justificatif-/);
    expect(Buffer.from(await response.arrayBuffer()).toString()).toContain('à lire');
    expect(await t.db.getRepository(AuditEvent).countBy({ action: 'DOCUMENT_VIEWED', targetId: body.id })).toBe(1);

    const paris = await t.login((await t.createAgent({ role: 'DAM', caisseCode: '751' })).email);
    const hidden = await fetch(`${t.url}/api/files/${body.id}`, { headers: { authorization: `Bearer ${paris}` } });
    expect(hidden.status).toBe(404);
    const malformed = await fetch(`${t.url}/api/files/nope`, { headers: { authorization: `Bearer ${dam}` } });
    expect(malformed.status).toBe(400);
    const anonymous = await fetch(`${t.url}/api/files/${body.id}`);
    expect(anonymous.status).toBe(401);
  });

  it("refuses to attach another caisse's document, and does not serve it through the piece", async () => {
    // A conseiller of 751 uploads a document; a conseiller of 211 learns its id.
    const paris = await t.login((await t.createAgent({ role: 'CONSEILLER', caisseCode: '751' })).email);
    const secret = Buffer.from('%PDF-1.7\nfacture d’un professionnel parisien\n');
    const { body } = await upload(secret, 'paris.pdf', { 'x-mcbo-csrf': '1' }, paris);
    expect(body.id).toMatch(/^[a-f0-9]{64}$/);
    // The uploader's caisse may look at it before attaching it.
    const own = await fetch(`${t.url}/api/files/${body.id}`, { headers: { authorization: `Bearer ${paris}` } });
    expect(own.status).toBe(200);

    const before = await t.db.getRepository(Justificatif).count();
    const attach = await t.gql(RECEIVE, input(body.id), token);
    expect(attach.errors?.[0]).toMatchObject({
      message: 'Fichier introuvable : déposez-le d’abord (POST /api/files).',
      extensions: { code: 'BAD_USER_INPUT', field: 'fileId' },
    });
    expect(await t.db.getRepository(Justificatif).count()).toBe(before);
    const download = await fetch(`${t.url}/api/files/${body.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(404);

    // Uploading the same bytes makes 211 an owner too (it holds the content already): then it may attach them.
    const mine = await upload(secret, 'copie.pdf');
    expect(mine.body.id).toBe(body.id);
    expect((await t.gql(RECEIVE, input(body.id), token)).errors).toBeUndefined();
  });

  it('serves the recap PDF of a campaign in scope only', async () => {
    const dam = await t.login((await t.createAgent({ role: 'DAM', caisseCode: '211' })).email);
    const ok = await fetch(`${t.url}/api/recap/${dentist.id}/2024/FAMI`, {
      headers: { authorization: `Bearer ${dam}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const paris = await t.login((await t.createAgent({ role: 'DAM', caisseCode: '751' })).email);
    expect(
      (await fetch(`${t.url}/api/recap/${dentist.id}/2024/FAMI`, { headers: { authorization: `Bearer ${paris}` } }))
        .status,
    ).toBe(404);
    expect(
      (await fetch(`${t.url}/api/recap/${dentist.id}/2024/NOPE`, { headers: { authorization: `Bearer ${dam}` } }))
        .status,
    ).toBe(400);
  });
});
