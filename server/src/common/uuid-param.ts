import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/** Route ids are UUIDs; anything else is a 400 naming the parameter, never a database error. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUUID(value)) return value;
    const name = metadata.data ?? 'id';
    throw new BadRequestException({
      message: `Invalid request: ${name} must be a UUID`,
      fields: { [name]: ['must be a UUID'] },
    });
  }
}

export const uuidParam = new UuidParamPipe();
