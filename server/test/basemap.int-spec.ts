import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { TestEnv, type RunningTestApp } from './support/test-app';

/** The basemap setting is public, and a configured local PMTiles archive is served with ranges. */
describe('basemap', () => {
  let env: TestEnv;
  let plain: RunningTestApp;
  let withArchive: RunningTestApp;
  const archive = join(mkdtempSync(join(tmpdir(), 'basemap-')), 'district.pmtiles');

  beforeAll(async () => {
    // Not a real archive: the server serves bytes, it never reads them.
    writeFileSync(archive, Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256)));
    env = await TestEnv.create();
    plain = await env.start('api');
    withArchive = await env.start('api', { BASEMAP_PMTILES: archive });
  });

  afterAll(async () => {
    await plain.close();
    await withArchive.close();
    await env.destroy();
  });

  it('tells a client without a token that there is no basemap (the offline style)', async () => {
    const res = await request(plain.url).get('/api/basemap');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ styleUrl: null, pmtilesUrl: null });
    expect((await request(plain.url).get('/api/basemap/tiles.pmtiles')).status).toBe(404);
  });

  it('points at the local archive and answers range requests with 206 and the exact bytes', async () => {
    const setting = await request(withArchive.url).get('/api/basemap');
    expect(setting.body).toEqual({ styleUrl: null, pmtilesUrl: '/api/basemap/tiles.pmtiles' });
    const res = await request(withArchive.url)
      .get('/api/basemap/tiles.pmtiles')
      .set('Range', 'bytes=10-19')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 10-19/1024');
    expect([...(res.body as Buffer)]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });
});
