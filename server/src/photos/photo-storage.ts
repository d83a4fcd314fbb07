import type { Readable } from 'node:stream';

/**
 * Where photo bytes live, by key. The default is a directory on a local volume; an S3-compatible
 * object store can replace it by providing another implementation under `PHOTO_STORAGE`
 * (put → PutObject, get → GetObject's body stream, delete → DeleteObject) — nothing else changes.
 */
export interface PhotoStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /**
   * Stores a finished upload's file under the key, byte for byte (S3: PutObject with the file's
   * read stream). The store may take the file away (the local store moves it); whatever is left
   * at `sourcePath` afterwards is the caller's to remove.
   */
  putFile(key: string, sourcePath: string, contentType: string): Promise<void>;
  /** The stored bytes as a stream, or null when nothing is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');
