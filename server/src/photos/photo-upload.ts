import {
  BadRequestException,
  HttpException,
  Injectable,
  Logger,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { rm } from 'node:fs/promises';
import { catchError, concatMap, from, throwError, type Observable } from 'rxjs';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_REQUEST } from './photo-processing';

export const PHOTOS_FIELD = 'photos';

/**
 * Multer with hard limits: the request stops being read the moment a photo passes 10 MB or a
 * tenth photo starts. Each photo streams to a temporary file (the storage is PhotosModule's
 * MulterModule: disk storage in the incoming folder), so nine 10 MB photos never sit in memory.
 */
export const PhotosUpload = FilesInterceptor(PHOTOS_FIELD, undefined, {
  limits: {
    fileSize: MAX_PHOTO_BYTES,
    files: MAX_PHOTOS_PER_REQUEST,
    fields: 20,
    fieldSize: 16 * 1024,
  },
});

const hasFields = (err: HttpException): boolean => {
  const body = err.getResponse();
  return typeof body === 'object' && 'fields' in body;
};

const tooLarge = (problem: string): PayloadTooLargeException =>
  new PayloadTooLargeException({
    message: problem.charAt(0).toUpperCase() + problem.slice(1),
    fields: { [PHOTOS_FIELD]: [problem] },
  });

/** Multer's terse "File too large" / "Too many files" become messages a reporter can act on. */
@Injectable()
export class PhotoLimitMessages implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        // Multer's own (a photo's pixels over the limit is ours, already with its field message).
        if (err instanceof PayloadTooLargeException && !hasFields(err)) {
          return throwError(() => tooLarge(`each photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`));
        }
        if (err instanceof BadRequestException && /too many files/i.test(err.message)) {
          return throwError(() => tooLarge(`at most ${MAX_PHOTOS_PER_REQUEST} photos per request`));
        }
        return throwError(() => err);
      }),
    );
  }
}

const logger = new Logger('PhotoUploads');

/** Removes a request's temporary photo files; those already moved into the store are gone already. */
async function removeUploads(req: Request): Promise<void> {
  const files = Array.isArray(req.files) ? req.files : Object.values(req.files ?? {}).flat();
  await Promise.all(
    files.map((file) =>
      rm(file.path, { force: true }).catch((err: unknown) =>
        logger.warn(`could not remove the temporary upload ${file.path}: ${String(err)}`),
      ),
    ),
  );
}

/**
 * The request's temporary files go once it is answered, whatever the answer (stored, 400, 403,
 * 413, 415, a failed transaction), and the answer waits for that: nothing of a refused upload
 * stays on disk. Bound outside PhotosUpload. (Multer itself removes what it stored of a request
 * it fails: too large, too many, interrupted.)
 */
@Injectable()
export class RemoveTemporaryPhotos implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      concatMap(async (answer: unknown) => {
        await removeUploads(req);
        return answer;
      }),
      catchError((err: unknown) => from(removeUploads(req)).pipe(concatMap(() => throwError(() => err)))),
    );
  }
}
