import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { catchError, throwError, type Observable } from 'rxjs';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_REQUEST } from './photo-processing';

export const PHOTOS_FIELD = 'photos';

/**
 * Multer in memory with hard limits: the request stops being read the moment a photo passes
 * 10 MB or a tenth photo starts, so an oversized upload costs neither disk nor much memory.
 */
export const PhotosUpload = FilesInterceptor(PHOTOS_FIELD, undefined, {
  storage: memoryStorage(),
  limits: {
    fileSize: MAX_PHOTO_BYTES,
    files: MAX_PHOTOS_PER_REQUEST,
    fields: 20,
    fieldSize: 16 * 1024,
  },
});

/** Multer's terse "File too large" / "Too many files" become messages a reporter can act on. */
@Injectable()
export class PhotoLimitMessages implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof PayloadTooLargeException) {
          return throwError(
            () =>
              new PayloadTooLargeException(`Each photo may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`),
          );
        }
        if (err instanceof BadRequestException && /too many files/i.test(err.message)) {
          return throwError(
            () => new PayloadTooLargeException(`At most ${MAX_PHOTOS_PER_REQUEST} photos per request`),
          );
        }
        return throwError(() => err);
      }),
    );
  }
}
