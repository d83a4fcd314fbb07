import type { PhotoView, ReportedIncidentView } from '@whistle/shared';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request, { type Response } from 'supertest';
import { Incident } from '../src/incidents/incident.entity';
import { IncomingPhotoSweeper } from '../src/photos/incoming-photos';
import { Photo } from '../src/photos/photo.entity';
import { abortMidUpload } from './support/aborted-upload';
import { login, type Api } from './support/clients';
import { pngBomb } from './support/crafted-images';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

interface Upload {
  name: string;
  /** The bytes, or the path of a file to stream them from. */
  bytes: Buffer | string;
  type: string;
}

/** The highest resident set size seen while `work` runs (the app under test runs in this process). */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - base) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

/** Grid-worker reports with photos: limits, thumbnails, storage clean-up and who may see them. */
describe('photos', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let photoDir: string;
  let gridWorker: Api;
  let streetA: Api;
  let streetB: Api;
  let officerX: Api;
  let officerY: Api;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    photoDir = await mkdtemp(join(tmpdir(), 'whistle-photos-'));
    app = await env.start('both', { PHOTO_DIR: photoDir });
    [gridWorker, streetA, streetB, officerX, officerY] = await Promise.all(
      (['gridWorkerA', 'operatorA', 'operatorB', 'officerX', 'officerY'] as const).map((u) =>
        login(app.url, world.users[u]),
      ),
    );
  });

  afterAll(async () => {
    await env.destroy();
    await rm(photoDir, { recursive: true, force: true });
  });

  const jpeg = (width: number, height: number, orientation?: number): Promise<Buffer> => {
    const image = sharp({
      create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } },
    }).jpeg();
    return (orientation ? image.withMetadata({ orientation }) : image).toBuffer();
  };
  const png = (width: number, height: number): Promise<Buffer> =>
    sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 220, alpha: 1 } } })
      .png()
      .toBuffer();

  const upload = (
    api: Api,
    path: string,
    fields: Record<string, string>,
    files: Upload[],
  ): Promise<Response> => {
    let req = request(api.baseUrl).post(path).set('Authorization', `Bearer ${api.token}`);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    for (const f of files) req = req.attach('photos', f.bytes, { filename: f.name, contentType: f.type });
    return req;
  };

  const reportFields = (point: { lng: number; lat: number }) => ({
    lng: String(point.lng),
    lat: String(point.lat),
    category: 'street_vending',
    description: '人行道上有流动摊贩占道经营，影响通行',
  });

  /** Every file in the photo store. */
  const storedFiles = async (): Promise<string[]> =>
    (await readdir(photoDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name);
  const incidentCount = () => env.db.getRepository(Incident).count();
  /** Uploads waiting in the incoming folder: none once every request is answered. */
  const incomingFiles = async (): Promise<string[]> =>
    readdir(join(photoDir, '.incoming')).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });

  const binary = (api: Api, path: string) =>
    api
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  let reported: ReportedIncidentView;
  let original: Buffer;

  it('stores a report with two photos: incident, photo rows, originals and thumbnails ≤ 320 px', async () => {
    // Orientation 6: stored 1200×800, shown upright as 800×1200.
    original = await jpeg(1200, 800, 6);
    const res = await upload(gridWorker, '/api/incidents/report', reportFields(world.streetA.points[0]), [
      { name: 'a.jpg', bytes: original, type: 'image/jpeg' },
      { name: 'b.png', bytes: await png(400, 900), type: 'image/png' },
    ]);
    expect(res.status).toBe(201);
    reported = res.body as ReportedIncidentView;
    expect(reported.source).toBe('grid_worker');
    expect(reported.gridId).toBe(world.streetA.grids[0].id);
    expect(reported.title).toContain('人行道上有流动摊贩');
    expect(reported.photos.map((p) => [p.contentType, p.width, p.height])).toEqual([
      ['image/jpeg', 800, 1200],
      ['image/png', 400, 900],
    ]);
    expect(reported.photos[0].url).toBe(`/api/photos/${reported.photos[0].id}`);

    expect(await env.db.getRepository(Incident).countBy({ id: reported.id })).toBe(1);
    expect(await env.db.getRepository(Photo).countBy({ incidentId: reported.id })).toBe(2);
    expect(await storedFiles()).toHaveLength(4);

    const thumbs = await Promise.all(reported.photos.map((p) => binary(gridWorker, p.thumbnailUrl)));
    for (const thumb of thumbs) {
      expect(thumb.status).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/jpeg');
      const meta = await sharp(thumb.body as Buffer).metadata();
      expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(320);
      // Upright and without EXIF: the orientation is baked into the pixels.
      expect(meta.orientation).toBeUndefined();
    }
    const first = await sharp(thumbs[0].body as Buffer).metadata();
    expect([first.width, first.height]).toEqual([213, 320]);

    const back = await binary(gridWorker, reported.photos[0].url);
    expect(back.status).toBe(200);
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(back.body as Buffer, original)).toBe(0);

    const listed = await gridWorker.get(`/api/incidents/${reported.id}/photos`);
    expect((listed.body as PhotoView[]).map((p) => p.id)).toEqual(reported.photos.map((p) => p.id));
  });

  it('refuses ten photos whole, with nothing written', async () => {
    const [incidents, files] = [await incidentCount(), (await storedFiles()).length];
    const small = await jpeg(20, 20);
    const res = await upload(
      gridWorker,
      '/api/incidents/report',
      reportFields(world.streetA.points[0]),
      Array.from({ length: 10 }, (_, i) => ({ name: `p${i}.jpg`, bytes: small, type: 'image/jpeg' })),
    );
    expect(res.status).toBe(413);
    expect((res.body as { message: string }).message).toMatch(/at most 9 photos/i);
    expect(await incidentCount()).toBe(incidents);
    expect(await storedFiles()).toHaveLength(files);
  });

  it('refuses a photo over 10 MB with 413', async () => {
    const incidents = await incidentCount();
    const huge = Buffer.alloc(11 * 1024 * 1024, 0x20);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload(gridWorker, '/api/incidents/report', reportFields(world.streetA.points[0]), [
      { name: 'huge.jpg', bytes: huge, type: 'image/jpeg' },
    ]);
    expect(res.status).toBe(413);
    expect((res.body as { message: string }).message).toMatch(/10 MB/);
    expect(await incidentCount()).toBe(incidents);
  });

  it('refuses a text file named .jpg with 415, by its bytes not its name', async () => {
    const [incidents, files] = [await incidentCount(), (await storedFiles()).length];
    const res = await upload(gridWorker, '/api/incidents/report', reportFields(world.streetA.points[0]), [
      { name: 'ok.jpg', bytes: await jpeg(50, 50), type: 'image/jpeg' },
      { name: 'fake.jpg', bytes: Buffer.from('this is not a photo at all'), type: 'image/jpeg' },
    ]);
    expect(res.status).toBe(415);
    expect((res.body as { message: string }).message).toContain('fake.jpg');
    expect(await incidentCount()).toBe(incidents);
    expect(await storedFiles()).toHaveLength(files);
  });

  it('leaves no incident and no files when the incident cannot be written (outside the worker’s grids)', async () => {
    const [incidents, files] = [await incidentCount(), (await storedFiles()).length];
    const res = await upload(gridWorker, '/api/incidents/report', reportFields(world.streetA.points[1]), [
      { name: 'a.jpg', bytes: await jpeg(100, 100), type: 'image/jpeg' },
    ]);
    expect(res.status).toBe(403);
    expect(await incidentCount()).toBe(incidents);
    // The photo was stored before the transaction and removed again when it failed.
    expect(await storedFiles()).toHaveLength(files);
  });

  it('validates the text fields with 400', async () => {
    const res = await upload(
      gridWorker,
      '/api/incidents/report',
      { lng: 'east', lat: '32', category: 'nope' },
      [],
    );
    expect(res.status).toBe(400);
    expect(Object.keys((res.body as { fields: Record<string, string[]> }).fields).sort()).toEqual([
      'category',
      'description',
      'lng',
    ]);
  });

  it('shows photos only to users who may see the incident: another street gets 404', async () => {
    const photo = reported.photos[0];
    expect((await binary(streetA, photo.url)).status).toBe(200);
    expect((await binary(streetB, photo.url)).status).toBe(404);
    expect((await binary(streetB, photo.thumbnailUrl)).status).toBe(404);
    expect((await streetB.get(`/api/incidents/${reported.id}/photos`)).status).toBe(404);
    // A department not summoned cannot see it either.
    expect((await binary(officerX, photo.url)).status).toBe(404);
  });

  it('lets a summoned department attach a photo to its dispatch; others get 404', async () => {
    const incident = await registeredIncident(streetA, world.streetA);
    const whistle = await blowWhistle(streetA, incident.id, [world.deptX.id]);
    const dispatch = only(whistle.dispatches);
    const proof = await jpeg(640, 480);

    const res = await upload(officerX, `/api/incidents/${incident.id}/photos`, { dispatchId: dispatch.id }, [
      { name: 'resolved.jpg', bytes: proof, type: 'image/jpeg' },
    ]);
    expect(res.status).toBe(201);
    const [photo] = res.body as PhotoView[];
    expect(photo).toMatchObject({
      incidentId: incident.id,
      dispatchId: dispatch.id,
      width: 640,
      height: 480,
    });
    expect((await binary(officerX, photo.thumbnailUrl)).status).toBe(200);

    const other = await upload(
      officerY,
      `/api/incidents/${incident.id}/photos`,
      { dispatchId: dispatch.id },
      [{ name: 'x.jpg', bytes: proof, type: 'image/jpeg' }],
    );
    expect(other.status).toBe(404);
    const notTheirs = await upload(
      streetA,
      `/api/incidents/${incident.id}/photos`,
      { dispatchId: reported.id },
      [{ name: 'x.jpg', bytes: proof, type: 'image/jpeg' }],
    );
    expect(notTheirs.status).toBe(422);
    expect(await env.db.getRepository(Photo).countBy({ incidentId: incident.id })).toBe(1);
  });

  it('takes nine photos of almost 10 MB each in one request, streamed to disk, never all in memory', async () => {
    // Random pixels do not compress: a 1860 × 1860 PNG is ~10.38 MB, just under the 10 MB (MiB) limit.
    const side = 1860;
    const noise = await sharp(randomBytes(side * side * 3), {
      raw: { width: side, height: side, channels: 3 },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(10_000_000);
    expect(noise.length).toBeLessThanOrEqual(10 * 1024 * 1024);
    const file = join(tmpdir(), `whistle-noise-${randomBytes(4).toString('hex')}.png`);
    await writeFile(file, noise);
    try {
      const photos = Array.from({ length: 9 }, (_, i) => ({
        name: `n${i}.png`,
        bytes: file,
        type: 'image/png',
      }));
      const { result: res, growthMb } = await peakRssGrowth(() =>
        upload(gridWorker, '/api/incidents/report', reportFields(world.streetA.points[0]), photos),
      );
      expect(res.status).toBe(201);
      const stored = (res.body as ReportedIncidentView).photos;
      expect(stored.map((p) => [p.sizeBytes, p.width])).toEqual(photos.map(() => [noise.length, side]));
      // Held in memory, the nine would be 93 MB on their own (the old memory storage grew by ~125 MB).
      expect(growthMb).toBeLessThan(90);
      const back = await binary(gridWorker, stored[8].url);
      expect(Buffer.compare(back.body as Buffer, noise)).toBe(0);
      expect(await incomingFiles()).toEqual([]);
    } finally {
      await rm(file, { force: true });
    }
  });

  it('refuses a decompression bomb (a 110 KB PNG of 30000 × 30000 pixels) with 413, without decoding it', async () => {
    // The crafted file is a real PNG: the same construction, small, decodes.
    const small = await sharp(await pngBomb(300, 200)).stats();
    expect(small.channels[0].max).toBe(0);
    const bomb = await pngBomb(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200 * 1024);

    const ok = await jpeg(64, 64);
    const [incidents, files] = [await incidentCount(), (await storedFiles()).length];
    const { result: res, growthMb } = await peakRssGrowth(() =>
      upload(gridWorker, '/api/incidents/report', reportFields(world.streetA.points[0]), [
        { name: 'ok.jpg', bytes: ok, type: 'image/jpeg' },
        { name: 'bomb.png', bytes: bomb, type: 'image/png' },
      ]),
    );
    expect(res.status).toBe(413);
    const body = res.body as { message: string; fields: Record<string, string[]> };
    expect(body.fields.photos).toEqual([
      '"bomb.png" is 30000 × 30000 pixels; at most 40 megapixels are accepted',
    ]);
    expect(body.message).toContain('bomb.png');
    // Decoded, it would take 900 MB (a byte per pixel); its header alone costs nothing.
    expect(growthMb).toBeLessThan(100);
    expect(await incidentCount()).toBe(incidents);
    expect(await storedFiles()).toHaveLength(files);
    expect(await incomingFiles()).toEqual([]);
  });

  it('leaves no temporary file when the client goes away mid-upload', async () => {
    const incidents = await incidentCount();
    const { answeredBeforeCut } = await abortMidUpload({
      url: `${app.url}/api/incidents/report`,
      token: gridWorker.token,
      field: 'photos',
      filename: 'cut-off.jpg',
      contentType: 'image/jpeg',
      sent: Buffer.concat([await jpeg(64, 64), randomBytes(1024 * 1024)]),
      // Cut once the server is writing the photo to its temporary file: it streams, mid-request.
      cutWhen: async () => (await incomingFiles()).length > 0,
    });
    expect(answeredBeforeCut).toBe(false);
    await waitUntil(async () => (await incomingFiles()).length === 0);
    expect(await incomingFiles()).toEqual([]);
    expect(await incidentCount()).toBe(incidents);
    expect((await request(app.url).get('/health')).status).toBe(200);
  });

  it('clears uploads a dead process left in the incoming folder, but not ones still being written', async () => {
    const incoming = join(photoDir, '.incoming');
    await mkdir(incoming, { recursive: true });
    await writeFile(join(incoming, 'left-by-a-crash'), 'partial upload');
    await writeFile(join(incoming, 'still-arriving'), 'partial upload');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(join(incoming, 'left-by-a-crash'), twoHoursAgo, twoHoursAgo);

    expect(await app.get(IncomingPhotoSweeper).sweep()).toBe(1);
    expect(await incomingFiles()).toEqual(['still-arriving']);
    expect(await readFile(join(incoming, 'still-arriving'), 'utf8')).toBe('partial upload');
    await rm(join(incoming, 'still-arriving'));
  });
});
