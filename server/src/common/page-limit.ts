import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The most rows one page of a list may ask for. */
export const MAX_PAGE_LIMIT = 500;

/**
 * A list query's `limit`: optional, a whole number from 1 to 500, read from the query string's
 * text. `docs` is what OpenAPI shows for it (a list with a default page size names it there).
 */
export function PageLimit(
  docs: ApiPropertyOptions = { minimum: 1, maximum: MAX_PAGE_LIMIT },
): PropertyDecorator {
  // Applied in this order, as decorators stacked on the property apply bottom up: a bad limit's
  // messages keep the order they had when each list spelled these out.
  return applyDecorators(
    Max(MAX_PAGE_LIMIT),
    Min(1),
    IsInt(),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional(docs),
  );
}
