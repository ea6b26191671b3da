/**
 * How a claimed message leaves: e-mails through nodemailer (an SMTP relay when SMTP_URL is set, otherwise
 * an .eml file per message under DATA_DIR/outbox/), letters as a PDF under DATA_DIR/outbox/letters/ for
 * the print room. Every e-mail carries a Message-ID derived from the row id, so a message re-sent after
 * a crash is recognisably the same message.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Communication } from './communication.entity';
import { renderLetters, type LetterData } from './letter-pdf';
import { frenchDate } from './outbox';

export interface Transport {
  /**
   * Renders the message (the CPU-heavy part), then asks `ready()` right before handing it over (the
   * worker's check that it still owns the row, which renews its lease); sends only when it says yes.
   * Returns whether it was handed over.
   */
  send(message: Communication, ready?: () => Promise<boolean>): Promise<boolean>;
  close(): void;
}

const always = () => Promise.resolve(true);

export interface TransportSettings {
  smtpUrl?: string;
  from: string;
  outboxDir: string;
}

export function messageIdOf(id: number): string {
  return `<communication-${id}@mcbo.assurance-maladie.invalid>`;
}

export function letterOf(row: Communication): LetterData {
  return {
    sender: row.letterhead.sender,
    recipient: row.recipientAddress,
    date: frenchDate(row.sentAt ?? row.createdAt ?? new Date()),
    reference: `Réf. ${row.id}`,
    subject: row.subject,
    body: row.body,
    signature: row.letterhead.signature,
  };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The e-mail as nodemailer composes it: text and HTML parts, the letter version attached as PDF. */
export async function mailOptions(row: Communication, from: string): Promise<SendMailOptions> {
  const letter = await renderLetters([letterOf(row)], row.subject);
  const html = row.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return {
    from,
    to: row.recipientEmail ?? undefined,
    subject: row.subject,
    text: `${row.body}\n\n${row.letterhead.signature.join('\n')}`,
    html: `<!doctype html><html lang="fr"><body>${html}<p>${row.letterhead.signature.map(escapeHtml).join('<br>')}</p></body></html>`,
    messageId: messageIdOf(row.id),
    date: row.sentAt ?? new Date(),
    headers: { 'X-MCBO-Communication': String(row.id), 'X-MCBO-Kind': row.kind },
    attachments: [
      { filename: `courrier-${row.id}.pdf`, content: Buffer.from(letter.bytes), contentType: 'application/pdf' },
    ],
  };
}

/** The message as an RFC 822 file (what the file shows as « ouvrir l'e-mail »). */
export async function emlOf(row: Communication, from: string): Promise<Buffer> {
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await stream.sendMail(await mailOptions(row, from));
  return info.message as Buffer;
}

async function writeAtomically(file: string, bytes: Uint8Array) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file); // same name again after a crash: replaced, not duplicated
}

export function createTransport(settings: TransportSettings): Transport {
  const smtp = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : null;
  return {
    async send(row, ready = always) {
      if (row.channel === 'LETTER') {
        const letter = await renderLetters([letterOf(row)], row.subject);
        if (!(await ready())) return false;
        await writeAtomically(path.join(settings.outboxDir, 'letters', `${row.id}.pdf`), letter.bytes);
        return true;
      }
      if (smtp) {
        const options = await mailOptions(row, settings.from);
        if (!(await ready())) return false;
        await smtp.sendMail(options);
        return true;
      }
      const eml = await emlOf(row, settings.from);
      if (!(await ready())) return false;
      await writeAtomically(path.join(settings.outboxDir, `${row.id}.eml`), eml);
      return true;
    },
    close() {
      smtp?.close();
    },
  };
}

/** The server's answer when it gave one (« 550 5.1.1 Mailbox unknown »), else the error's message. */
export function failureReason(error: unknown): string {
  const e = error as { response?: string; message?: string; code?: string };
  return (e.response ?? e.message ?? String(error)).slice(0, 1000);
}
