import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EXTENSION_OF } from './image-type';
import { preparePhoto, type PreparedPhoto, type UploadedPhoto } from './photo-processing';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';

export interface StoredPhoto extends PreparedPhoto {
  storageKey: string;
  thumbnailKey: string;
}

/**
 * Checks, thumbnails and stores uploaded photos: each original's temporary file is moved into the
 * store as it is. The database rows are the caller's business.
 */
@Injectable()
export class PhotoFiles {
  private readonly logger = new Logger(PhotoFiles.name);

  private readonly maxPixels: number;

  constructor(
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxPixels = config.PHOTO_MAX_PIXELS;
  }

  /**
   * Every file is checked before any is stored, so one bad photo refuses the request with nothing
   * written; a storage failure half-way removes what was already stored.
   */
  async store(files: readonly UploadedPhoto[]): Promise<StoredPhoto[]> {
    const prepared: PreparedPhoto[] = [];
    // One at a time: decoding is CPU-bound and the machine is shared with the request loop.
    for (const file of files) prepared.push(await preparePhoto(file, this.maxPixels));
    const stored: StoredPhoto[] = [];
    try {
      for (const photo of prepared) {
        const id = randomUUID();
        // Spread over folders by month, so no directory grows without bound.
        const folder = new Date().toISOString().slice(0, 7);
        const entry: StoredPhoto = {
          ...photo,
          storageKey: `${folder}/${id}.${EXTENSION_OF[photo.contentType]}`,
          thumbnailKey: `${folder}/${id}.thumb.jpg`,
        };
        stored.push(entry);
        await this.storage.putFile(entry.storageKey, photo.path, photo.contentType);
        await this.storage.put(entry.thumbnailKey, photo.thumbnail, 'image/jpeg');
      }
    } catch (err) {
      await this.discard(stored);
      throw err;
    }
    return stored;
  }

  /** Removes stored photos whose database rows were never committed. */
  async discard(stored: readonly StoredPhoto[]): Promise<void> {
    for (const photo of stored) {
      for (const key of [photo.storageKey, photo.thumbnailKey]) {
        try {
          await this.storage.delete(key);
        } catch (err) {
          // An orphaned file costs only disk space; the request's own error matters more.
          this.logger.warn(`could not remove orphaned photo ${key}: ${String(err)}`);
        }
      }
    }
  }

  open(key: string): Promise<Readable | null> {
    return this.storage.get(key);
  }
}
