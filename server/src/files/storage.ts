/**
 * Documents live behind this interface so that replicas share them: the filesystem by default,
 * an S3-compatible bucket in a multi-server deployment.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface FileStorage {
  /** Idempotent: the key is the content hash, so writing the same bytes twice is harmless. */
  put(key: string, bytes: Buffer): Promise<void>;
  read(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
}

export class FilesystemStorage implements FileStorage {
  constructor(private readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  /** Two-level fan-out keeps directories small at national volume. */
  private pathOf(key: string): string {
    if (!/^[a-f0-9]{64}$/.test(key)) throw new Error('invalid storage key');
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    if (await this.exists(key)) return;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // Write then rename: a crash never leaves a half-written document under its final name.
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.promises.writeFile(temp, bytes);
    await fs.promises.rename(temp, target);
  }

  async read(key: string): Promise<Readable> {
    return fs.createReadStream(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }
}
