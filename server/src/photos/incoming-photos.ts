import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { diskStorage, type StorageEngine } from 'multer';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Uploads spool to files here, never whole into memory. The folder is inside the store's root, so
 * on the same filesystem: storing a checked photo moves its file without copying a byte.
 */
export const incomingPhotoDir = (config: AppConfig): string => join(resolve(config.PHOTO_DIR), '.incoming');

/** Multer's disk storage into the incoming folder, under multer's random 32-hex-digit names. */
export function incomingPhotoStorage(dir: string): StorageEngine {
  return diskStorage({
    // Made when a photo arrives, not at start: a process that never receives one needs no photo volume.
    destination: (_req, _file, done) => {
      mkdir(dir, { recursive: true }).then(
        () => done(null, dir),
        (err: Error) => done(err, dir),
      );
    },
  });
}

/** A temporary file this old belongs to no upload still running: its process died mid-request. */
const STALE_AFTER_MS = 60 * 60_000;

/**
 * Requests remove their own temporary files, whatever their outcome (photo-upload.ts); only a
 * process that died mid-upload leaves one behind. Each API process clears those when it starts.
 */
@Injectable()
export class IncomingPhotoSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(IncomingPhotoSweeper.name);
  private readonly dir: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.dir = incomingPhotoDir(config);
  }

  onApplicationBootstrap(): void {
    if (this.config.PROCESS_ROLE === 'worker') return;
    // In the background: start-up does not wait on a slow volume.
    void this.sweep().catch((err: unknown) =>
      this.logger.warn(`could not clear stale uploads in ${this.dir}: ${String(err)}`),
    );
  }

  /** Removes the incoming files last written before `STALE_AFTER_MS` ago; answers how many. */
  async sweep(now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => null);
      // Another process's upload may be in flight: only what nobody has written to for long goes.
      if (!info?.isFile() || now - info.mtimeMs < STALE_AFTER_MS) continue;
      await rm(path, { force: true });
      removed++;
    }
    if (removed > 0) this.logger.log(`removed ${removed} stale upload(s) from ${this.dir}`);
    return removed;
  }
}
