/**
 * REST routes of communications:
 * - GET /api/communications/:id — the message as it was sent: the e-mail rendered as a page (`?format=eml`
 *   downloads the .eml), or the letter's PDF;
 * - GET /api/relances/:id/letters.pdf — every letter of a wave, one per page set, ready to print;
 * - GET /api/relances/:id/addresses.csv — the postal addresses of those letters.
 * Another caisse's message or wave answers 404, like an unknown one.
 */
import { once } from 'node:events';
import express, { type Request, type Response, type Router } from 'express';
import { AppError, ErrorCode } from '../common/errors';
import { sendRestError } from '../common/rest-errors';
import type { RequestContext } from '../common/request-context';
import { UTF8_BOM, csvLine } from '../imports/csv';
import { renderLetters, streamLetters } from './letter-pdf';
import { countWaveLetters, getCommunication, relanceWave, waveLetterPages } from './communications.service';
import { KIND_LABELS } from './communication.kinds';
import { emlOf, letterOf } from './transport';
import { recordAudit } from '../audit/audit.service';
import { logger } from '../logger';

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

/** Writes with backpressure; rejects once the client has gone, which stops whatever produces the bytes. */
function writer(res: Response) {
  return async (chunk: Uint8Array | string) => {
    if (res.destroyed || res.writableEnded) throw new Error('client disconnected');
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  };
}

/** Sends the error as JSON before the first byte; after it, logs and cuts the download (it shows as failed). */
function failStream(res: Response, error: unknown) {
  if (res.headersSent && !res.destroyed) logger.error({ err: error }, 'relance download failed mid-stream');
  sendRestError(res, error);
}

export function relancesRouter(contextOf: ContextOf): Router {
  const router = express.Router();
  // Streamed: letters are drawn and written in parts as their rows are read (memory flat for any wave).
  router.get('/:id/letters.pdf', async (req, res) => {
    try {
      const ctx = await authenticated(contextOf, req, res);
      const wave = await relanceWave(ctx, req.params.id ?? '');
      const letters = await countWaveLetters(ctx, wave);
      await ctx.db.transaction((em) =>
        recordAudit(em, {
          agentId: ctx.agent!.id,
          action: 'RELANCE_LETTERS_DOWNLOADED',
          targetType: 'RELANCE_WAVE',
          targetId: wave.id,
          caisseCode: ctx.agent!.caisseCode,
          details: { letters },
        }),
      );
      privateHeaders(res, 'application/pdf', `relance-${wave.id}-courriers.pdf`, false);
      async function* parts() {
        for await (const rows of waveLetterPages(ctx, wave)) yield rows.map(letterOf);
      }
      await streamLetters(parts(), writer(res), { title: `Relance ${wave.id}` });
      res.end();
    } catch (error) {
      failStream(res, error);
    }
  });
  router.get('/:id/addresses.csv', async (req, res) => {
    try {
      const ctx = await authenticated(contextOf, req, res);
      const wave = await relanceWave(ctx, req.params.id ?? '');
      const pages = waveLetterPages(ctx, wave);
      const first = await pages.next(); // a failing read still answers JSON
      privateHeaders(res, 'text/csv; charset=utf-8', `relance-${wave.id}-adresses.csv`, false);
      const write = writer(res);
      await write(UTF8_BOM + csvLine(['Référence', 'Caisse', 'Destinataire', 'Adresse', 'Code postal et commune']));
      let rows = first.done ? null : first.value;
      while (rows) {
        let lines = '';
        for (const r of rows) {
          const [name, street, city] = r.recipientAddress;
          lines += csvLine([r.id, r.caisseCode, name, street, city]);
        }
        await write(lines);
        const next = await pages.next();
        rows = next.done ? null : next.value;
      }
      res.end();
    } catch (error) {
      failStream(res, error);
    }
  });
  return router;
}
