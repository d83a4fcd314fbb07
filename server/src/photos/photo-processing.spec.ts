import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { preparePhoto } from './photo-processing';

const MAX_PIXELS = 40_000_000;

describe('preparePhoto', () => {
  let dir: string;
  let count = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'whistle-photo-spec-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** An upload as multer's disk storage hands it over. */
  const upload = async (bytes: Buffer, originalname = 'p.jpg') => {
    const path = join(dir, `upload-${count++}`);
    await writeFile(path, bytes);
    return { originalname, path, size: bytes.length };
  };

  it('keeps the original, records its upright size and renders a small EXIF-free thumbnail', async () => {
    const original = await sharp({ create: { width: 1000, height: 400, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 8 })
      .toBuffer();
    const file = await upload(original);
    const photo = await preparePhoto(file, MAX_PIXELS);
    expect([photo.path, photo.sizeBytes]).toEqual([file.path, original.length]);
    expect(Buffer.compare(await readFile(photo.path), original)).toBe(0);
    expect([photo.contentType, photo.width, photo.height]).toEqual(['image/jpeg', 400, 1000]);
    const thumb = await sharp(photo.thumbnail).metadata();
    expect([thumb.format, thumb.width, thumb.height, thumb.orientation]).toEqual([
      'jpeg',
      128,
      320,
      undefined,
    ]);
  });

  it('does not enlarge a small image and flattens transparency', async () => {
    const png = await sharp({
      create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const photo = await preparePhoto(await upload(png), MAX_PIXELS);
    const { data } = await sharp(photo.thumbnail).raw().toBuffer({ resolveWithObject: true });
    expect((await sharp(photo.thumbnail).metadata()).width).toBe(40);
    expect(data[0]).toBeGreaterThan(240);
  });

  it('refuses a file that starts like a JPEG but does not decode, with 415', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('garbage'.repeat(20))]);
    await expect(preparePhoto(await upload(fake), MAX_PIXELS)).rejects.toBeInstanceOf(
      UnsupportedMediaTypeException,
    );
  });

  it('refuses an image above the pixel limit with 413 naming the photo, before decoding it', async () => {
    const big = await sharp({ create: { width: 1200, height: 1000, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    const file = await upload(big, 'wide.png');
    const refused = await preparePhoto(file, 1_000_000).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(PayloadTooLargeException);
    expect((refused as PayloadTooLargeException).getResponse()).toMatchObject({
      fields: { photos: [expect.stringMatching(/"wide\.png" is 1200 × 1000 pixels; at most 1 megapixels/)] },
    });
    // The same image is fine under a limit it fits.
    expect((await preparePhoto(file, 1_200_000)).width).toBe(1200);
  });
});
