import type { Open311Value } from './open311-format';

/** Bumped whenever the service list or a service definition changes, so clients refresh caches. */
export const CHANGESET = '2026-11-22T00:00:00+08:00';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** The service discovery document; `baseUrl` is this server as the client reached it. */
export function discoveryDocument(baseUrl: string): Open311Value {
  return {
    changeset: CHANGESET,
    contact: '区城市运行指挥中心 — Whistle 街乡吹哨、部门报到平台',
    key_service: 'API keys are issued by the platform administrator (POST /api/open311-keys)',
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${baseUrl}/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
