/** A real SMTP server in the test process (smtp-server): records every message, can refuse on demand. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  received: ParsedMail[];
  /** Answers the next `count` RCPT TO with this code and text (e.g. 450, « mailbox busy »). */
  refuseNext(count: number, code: number, text: string): void;
  stop(): Promise<void>;
}

/** `delayMs`: how long each message takes to be accepted (to catch a sender mid-wave). */
export async function startTestSmtp(delayMs = 0): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  let refusals = 0;
  let refusal = { code: 450, text: 'try later' };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusals > 0) {
        refusals--;
        const error = new Error(refusal.text) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(count, code, text) {
      refusals = count;
      refusal = { code, text };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
