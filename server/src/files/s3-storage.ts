/**
 * Documents in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Garage, OVH/Scaleway object storage…),
 * so that every replica of the server reads what any other one stored. Objects are addressed by the
 * content hash, path-style (`<endpoint>/<bucket>/<prefix><key>`), which every S3-compatible store accepts.
 * Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profile,
 * instance role) unless given explicitly.
 */
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { Config } from '../config';
import type { FileStorage } from './storage';

export interface S3StorageOptions {
  bucket: string;
  /** e.g. http://minio:9000; omitted for AWS S3 itself. */
  endpoint?: string;
  region?: string;
  /** Prepended to every key, e.g. 'files/'. */
  prefix?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** A client built elsewhere (tests, shared connection settings). */
  client?: S3Client;
}

const KEY = /^[a-f0-9]{64}$/;

export class S3Storage implements FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.client =
      options.client ??
      new S3Client({
        region: options.region ?? 'us-east-1',
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        // Path-style works on every S3-compatible store and needs no wildcard DNS for the bucket.
        forcePathStyle: true,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        // Checksums only where the protocol requires them: several S3-compatible stores reject the
        // newer default (CRC32 trailers) that the SDK sends to AWS.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
      });
  }

  static fromConfig(config: Pick<Config, 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION'>): S3Storage {
    if (!config.S3_BUCKET) throw new Error('S3_BUCKET is required when FILE_STORAGE=s3');
    return new S3Storage({ bucket: config.S3_BUCKET, endpoint: config.S3_ENDPOINT, region: config.S3_REGION });
  }

  private objectKey(key: string): string {
    if (!KEY.test(key)) throw new Error('invalid storage key');
    return `${this.prefix}${key}`;
  }

  /** Idempotent: the key is the content hash, so an object already there holds these very bytes. */
  async put(key: string, bytes: Buffer): Promise<void> {
    const Key = this.objectKey(key);
    if (await this.exists(key)) return;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key,
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async read(key: string): Promise<Readable> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    const body = result.Body;
    if (!body) throw new Error(`empty object ${key}`);
    if (body instanceof Readable) return body;
    // Other runtimes hand back a web stream.
    return Readable.fromWeb((body as { transformToWebStream(): ReadableStream }).transformToWebStream() as never);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Closes the client's sockets (tests, shutdown). */
  destroy(): void {
    this.client.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey';
  }
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.$metadata?.httpStatusCode === 404 || e?.name === 'NotFound' || e?.name === 'NoSuchKey';
}
