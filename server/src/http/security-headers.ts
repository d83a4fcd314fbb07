import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { basemapView } from '../basemap/basemap-setting';
import type { AppConfig } from '../config/app-config';

/** Swagger UI's page and assets: the only place inline styles are allowed. */
export const API_DOCS_PATH = /^\/api\/docs(\/|$)/;

/** A Host header fit to be written into a policy: a name or bracketed IPv6 address, and a port. */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The live socket on this same origin. CSP Level 3 lets 'self' cover ws:/wss: of the page's own
 * host, but older engines (Safari before 15.4) do not, so they are named as well.
 */
const sameOriginSocket =
  (scheme: 'ws' | 'wss') =>
  (req: IncomingMessage): string => {
    const host = req.headers.host ?? '';
    return PLAIN_HOST.test(host) ? `${scheme}://${host}` : "'self'";
  };

/** Where a deployment's own basemap style or PMTiles archive lives, when that is another origin. */
export function basemapOrigins(config: Pick<AppConfig, 'BASEMAP_STYLE_URL' | 'BASEMAP_PMTILES'>): string[] {
  const view = basemapView(config);
  const origins = new Set<string>();
  for (const url of [view.styleUrl, view.pmtilesUrl]) {
    if (url && /^https?:\/\//i.test(url)) origins.add(new URL(url).origin);
  }
  return [...origins];
}

/**
 * The dashboard's policy, sent with every answer (a JSON answer under it is inert, the built app
 * runs under it): scripts only from this origin; MapLibre's workers from its own script file or a
 * blob; photos shown from blob: URLs; MapLibre's control icons are data: images.
 */
function dashboardPolicy(config: AppConfig): HelmetOptions['contentSecurityPolicy'] {
  const basemap = basemapOrigins(config);
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:', ...basemap],
      'font-src': ["'self'"],
      'connect-src': ["'self'", sameOriginSocket('ws'), sameOriginSocket('wss'), ...basemap],
      'worker-src': ["'self'", 'blob:'],
      'child-src': ["'self'", 'blob:'],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    },
  };
}

/**
 * Swagger UI's page has an inline stylesheet and inline SVG styles; its scripts are files of its
 * own, so scripts stay 'self' even here (checked in Chromium: no violation loading and using it).
 */
const docsPolicy: HelmetOptions['contentSecurityPolicy'] = {
  useDefaults: false,
  directives: {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  },
};

/**
 * Helmet's headers on every HTTP answer, with the docs' relaxed policy on their path only. HSTS
 * only over TLS (req.secure, which believes X-Forwarded-Proto only from a TRUST_PROXY hop):
 * browsers ignore it over plain HTTP, and on a mere claim of https it would pin the host to TLS
 * for a year whether or not the deployment serves it.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const common = { strictTransportSecurity: false, xFrameOptions: { action: 'deny' } } as const;
  const dashboard = helmet({ ...common, contentSecurityPolicy: dashboardPolicy(config) });
  const docs = helmet({ ...common, contentSecurityPolicy: docsPolicy });
  const hsts = helmet.strictTransportSecurity();
  return (req: Request, res: Response, next: NextFunction) => {
    const headers = API_DOCS_PATH.test(req.path) ? docs : dashboard;
    headers(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (req.secure) return hsts(req, res, next);
      next();
    });
  };
}
