/**
 * REST routes of communications:
 * - GET /api/communications/:id — the message as it was sent: the e-mail rendered as a page (`?format=eml`
 *   downloads the .eml), or the letter's PDF;
 * - GET /api/relances/:id/letters.pdf — every letter of a wave, one per page set, ready to print;
 * - GET /api/relances/:id/addresses.csv — the postal addresses of those letters.
 * Another caisse's message or wave answers 404, like an unknown one.
 */
import express, { type Request, type Response, type Router } from 'express';
import { AppError, ErrorCode } from '../common/errors';
import { sendRestError } from '../common/rest-errors';
import type { RequestContext } from '../common/request-context';
import { UTF8_BOM, csvLine } from '../imports/csv';
import { renderLetters } from './letter-pdf';
import { getCommunication, relanceWave, waveMessages } from './communications.service';
import { KIND_LABELS } from './communication.kinds';
import { emlOf, letterOf } from './transport';
import { recordAudit } from '../audit/audit.service';

type ContextOf = (req: Request, res: Response) => Promise<RequestContext>;

async function authenticated(contextOf: ContextOf, req: Request, res: Response) {
  const ctx = await contextOf(req, res);
  if (!ctx.agent) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Session absente ou expirée.');
  return ctx;
}

function privateHeaders(res: Response, contentType: string, fileName: string, inline: boolean) {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${fileName}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function communicationsRouter(contextOf: ContextOf, mailFrom: string): Router {
  const router = express.Router();
  router.get('/:id', async (req, res) => {
    try {
      const ctx = await authenticated(contextOf, req, res);
      const row = await getCommunication(ctx, req.params.id ?? '');
      if (row.channel === 'LETTER') {
        const { bytes } = await renderLetters([letterOf(row)], row.subject);
        privateHeaders(res, 'application/pdf', `courrier-${row.id}.pdf`, true);
        res.end(Buffer.from(bytes));
        return;
      }
      if (req.query.format === 'eml') {
        privateHeaders(res, 'message/rfc822', `message-${row.id}.eml`, false);
        res.end(await emlOf(row, mailFrom));
        return;
      }
      const meta = [
        ['De', mailFrom],
        ['À', row.recipientEmail ?? ''],
        ['Objet', row.subject],
        ['Type', KIND_LABELS[row.kind]],
        ['Statut', row.status + (row.lastError ? ` — ${row.lastError}` : '')],
      ];
      privateHeaders(res, 'text/html; charset=utf-8', `message-${row.id}.html`, true);
      res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(row.subject)}</title></head>
<body style="font-family: sans-serif; max-width: 48rem; margin: 2rem auto; line-height: 1.5">
<dl>${meta.map(([k, v]) => `<dt><strong>${k}</strong></dt><dd>${escapeHtml(v!)}</dd>`).join('')}</dl><hr>
<div style="white-space: pre-wrap">${escapeHtml(row.body)}\n\n${escapeHtml(row.letterhead.signature.join('\n'))}</div>
<p><a href="/api/communications/${row.id}?format=eml">Télécharger le message (.eml)</a></p></body></html>`);
    } catch (error) {
      sendRestError(res, error);
    }
  });
  return router;
}

export function relancesRouter(contextOf: ContextOf): Router {
  const router = express.Router();
  router.get('/:id/letters.pdf', async (req, res) => {
    try {
      const ctx = await authenticated(contextOf, req, res);
      const wave = await relanceWave(ctx, req.params.id ?? '');
      const rows = await waveMessages(ctx, wave, 'LETTER');
      const { bytes } = await renderLetters(rows.map(letterOf), `Relance ${wave.id}`);
      await ctx.db.transaction((em) =>
        recordAudit(em, {
          agentId: ctx.agent!.id,
          action: 'RELANCE_LETTERS_DOWNLOADED',
          targetType: 'RELANCE_WAVE',
          targetId: wave.id,
          caisseCode: ctx.agent!.caisseCode,
          details: { letters: rows.length },
        }),
      );
      privateHeaders(res, 'application/pdf', `relance-${wave.id}-courriers.pdf`, false);
      res.end(Buffer.from(bytes));
    } catch (error) {
      sendRestError(res, error);
    }
  });
  router.get('/:id/addresses.csv', async (req, res) => {
    try {
      const ctx = await authenticated(contextOf, req, res);
      const wave = await relanceWave(ctx, req.params.id ?? '');
      const rows = await waveMessages(ctx, wave, 'LETTER');
      const lines = [csvLine(['Référence', 'Caisse', 'Destinataire', 'Adresse', 'Code postal et commune'])];
      for (const r of rows) {
        const [name, street, city] = r.recipientAddress;
        lines.push(csvLine([r.id, r.caisseCode, name, street, city]));
      }
      privateHeaders(res, 'text/csv; charset=utf-8', `relance-${wave.id}-adresses.csv`, false);
      res.end(`${UTF8_BOM}${lines.join('')}`);
    } catch (error) {
      sendRestError(res, error);
    }
  });
  return router;
}
