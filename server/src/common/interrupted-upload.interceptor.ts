import {
  BadRequestException,
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { catchError, throwError, type Observable } from 'rxjs';

/**
 * A client that goes away mid-upload makes multer fail with a plain error ("Request aborted"),
 * which would be answered and logged as a 500. It is the client's doing, so it is a 400 (that
 * nobody reads). Multer has already removed whatever it had stored of the request. Bind it before
 * (outside) the multer interceptor.
 */
@Injectable()
export class InterruptedUploads implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    return next
      .handle()
      .pipe(
        catchError((err: unknown) =>
          throwError(() =>
            !(err instanceof HttpException) && !req.complete
              ? new BadRequestException('The upload was interrupted before it was complete')
              : err,
          ),
        ),
      );
  }
}
