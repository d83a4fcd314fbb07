import { urlencoded } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { formatOfPath } from './open311-format';
import { sendOpen311Errors } from './open311-exception.filter';

/**
 * Open311 clients POST application/x-www-form-urlencoded, nested keys (`attribute[code]=v`,
 * `attribute[code][]=v`) included. Only the Open311 routes parse forms; a body the parser refuses
 * is answered in the spec's error format, not Whistle's.
 */
export function open311FormBody(limit: string) {
  const parse = urlencoded({ extended: true, limit, parameterLimit: 1000 });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { status?: number; type?: string; message?: string };
      const status = e.type === 'entity.too.large' ? 413 : (e.status ?? 400);
      const description =
        e.type === 'entity.too.large' ? 'Request body is too large' : 'Request body is not a valid form';
      sendOpen311Errors(res, formatOfPath(req.path), status, [{ code: status, description }]);
    });
  };
}
