// Where evidence files' bytes live. The default is the local disk under the
// data directory; anything that can store a stream under a key and give it
// back implements `DocumentStore` (an S3-compatible bucket: docs/documents.md).
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface DocumentStore {
  /**
   * Stores `source` whole under `key`. When `source` fails (too large, refused
   * type, client gone) nothing is kept under the key and the promise rejects
   * with the source's error.
   */
  put(key: string, source: Readable): Promise<void>;
  /** The bytes stored under `key`; rejects when there is none. */
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]{8,64}$/;

/** Files under `dir`/<first two characters of the key>/<key>; partial writes go to `dir`/tmp and are renamed when whole. */
export function localDiskStore(dir: string): DocumentStore {
  const root = path.resolve(dir);
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Invalid document key ${key}`);
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(key, source) {
      const target = fileOf(key);
      const tmp = path.join(root, 'tmp', `${randomUUID()}.part`);
      await mkdir(path.dirname(tmp), { recursive: true, mode: 0o700 });
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      try {
        await pipeline(source, createWriteStream(tmp, { mode: 0o600, flags: 'wx' }));
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },
    async get(key) {
      const file = fileOf(key);
      await stat(file);
      return createReadStream(file);
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
