import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import {
  IDEMPOTENT_OPTIONS,
  IdempotencyInterceptor,
  type IdempotentOptions,
} from './idempotency.interceptor';

/**
 * The route creates something and honours an Idempotency-Key: a repeat gets the first answer. Put
 * it above any upload interceptor (it then runs inside it and sees the uploaded files).
 */
export const Idempotent = (options: IdempotentOptions = {}): MethodDecorator =>
  applyDecorators(SetMetadata(IDEMPOTENT_OPTIONS, options), UseInterceptors(IdempotencyInterceptor));
