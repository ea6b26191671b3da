/**
 * The server side of extraction: a long-lived child process (extract-child) that reads pieces one at a
 * time. Started on first use, restarted after a crash; a piece that takes longer than the timeout fails
 * its attempt (the job is retried, then marked FAILED) and the child is replaced.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Extraction } from './precheck.types';

export interface Extractor {
  extract(bytes: Buffer, contentType: string): Promise<Extraction>;
  close(): Promise<void>;
}

/** How to start the child: compiled JavaScript in production, TypeScript through tsx in development and tests. */
function childCommand(): string[] {
  const compiled = __filename.endsWith('.js');
  const entry = path.join(__dirname, `extract-child.${compiled ? 'js' : 'ts'}`);
  return compiled ? [entry] : ['--require', require.resolve('tsx/cjs'), entry];
}

export class ChildExtractor implements Extractor {
  private child: ChildProcessWithoutNullStreams | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(e: Extraction): void; reject(e: Error): void }>();

  constructor(private readonly timeoutMs = 120_000) {}

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn(process.execPath, childCommand(), { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.resume();
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let answer: { id: number; extraction?: Extraction; error?: string };
      try {
        answer = JSON.parse(line) as typeof answer;
      } catch {
        return;
      }
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if (answer.extraction) waiter.resolve(answer.extraction);
      else waiter.reject(new Error(answer.error ?? 'extraction failed'));
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      for (const [id, waiter] of this.waiting) {
        waiter.reject(new Error(`extraction process ended (${signal ?? code})`));
        this.waiting.delete(id);
      }
    });
    this.child = child;
    return child;
  }

  extract(bytes: Buffer, contentType: string): Promise<Extraction> {
    const child = this.start();
    const id = this.nextId++;
    return new Promise<Extraction>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        child.kill('SIGKILL');
        reject(new Error(`extraction took more than ${this.timeoutMs / 1000} s`));
      }, this.timeoutMs);
      this.waiting.set(id, {
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      child.stdin.write(`${JSON.stringify({ id, contentType, base64: bytes.toString('base64') })}\n`);
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.stdin.end();
    });
  }
}
