import { HttpException } from '@nestjs/common';

export interface Open311ErrorItem {
  code: number;
  description: string;
}

/**
 * An error in the spec's shape (`<errors><error><code/><description/></error></errors>`): 404 for
 * what does not exist, 403 for a missing or bad api_key, 400 for anything else the request got
 * wrong, 429 when a key goes over its rate.
 */
export class Open311Error extends HttpException {
  constructor(
    status: number,
    readonly errors: Open311ErrorItem[],
  ) {
    super({ errors }, status);
  }

  static of(status: number, ...descriptions: string[]): Open311Error {
    return new Open311Error(
      status,
      descriptions.map((description) => ({ code: status, description })),
    );
  }
}

export const badRequest = (...descriptions: string[]): Open311Error => Open311Error.of(400, ...descriptions);
export const notFound311 = (description: string): Open311Error => Open311Error.of(404, description);
export const forbidden311 = (description: string): Open311Error => Open311Error.of(403, description);
