import { ParseUUIDPipe } from '@nestjs/common';

/** Route ids are UUIDs; anything else is a 400 naming the parameter, not a database error. */
export const uuidParam = new ParseUUIDPipe({ version: undefined });
