import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';

/** 409 for an illegal state change, naming the state and the actions it allows. */
export function illegalTransition(
  kind: string,
  action: string,
  currentStatus: string,
  allowedActions: readonly string[],
): ConflictException {
  const allowed = allowedActions.length ? allowedActions.join(', ') : 'none';
  return new ConflictException({
    message: `Cannot ${action} a ${kind} that is ${currentStatus}; allowed from ${currentStatus}: ${allowed}`,
    currentStatus,
    allowedActions: [...allowedActions],
  });
}

export function notFound(kind: string, id: string): NotFoundException {
  return new NotFoundException(`${kind} ${id} not found`);
}

export function unprocessable(
  message: string,
  fields?: Record<string, string[]>,
): UnprocessableEntityException {
  return new UnprocessableEntityException(fields ? { message, fields } : message);
}
