import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** Deeper than any request Whistle accepts; refusing early keeps the transformer off its stack limit. */
const MAX_DEPTH = 16;

/**
 * Runs before validation on every body, query and route parameter: refuses text with NUL
 * characters (PostgreSQL cannot store them) and absurdly nested JSON, each as a 400 naming the field.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown): unknown {
    const problem = findProblem(value, '', 0);
    if (problem) {
      throw new BadRequestException({
        message: `Invalid request: ${problem.path || 'body'}`,
        fields: { [problem.path || 'body']: [problem.message] },
      });
    }
    return value;
  }
}

function findProblem(value: unknown, path: string, depth: number): { path: string; message: string } | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? { path, message: 'must not contain NUL characters' } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  // Bytes (an uploaded file held in memory) hold no text: walked entry by entry, a few megabytes
  // would cost gigabytes and minutes.
  if (ArrayBuffer.isView(value)) return null;
  if (depth >= MAX_DEPTH) return { path, message: `is nested more than ${MAX_DEPTH} levels deep` };
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (key.includes('\u0000')) return { path, message: 'must not contain NUL characters in keys' };
    const found = findProblem(child, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}
