import { UnsupportedMediaTypeException } from '@nestjs/common';
import sharp from 'sharp';
import { preparePhoto } from './photo-processing';

const upload = (buffer: Buffer) => ({ originalname: 'p.jpg', buffer, size: buffer.length });

describe('preparePhoto', () => {
  it('keeps the original, records its upright size and renders a small EXIF-free thumbnail', async () => {
    const original = await sharp({ create: { width: 1000, height: 400, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 8 })
      .toBuffer();
    const photo = await preparePhoto(upload(original));
    expect(photo.original).toBe(original);
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
    const photo = await preparePhoto(upload(png));
    const { data } = await sharp(photo.thumbnail).raw().toBuffer({ resolveWithObject: true });
    expect((await sharp(photo.thumbnail).metadata()).width).toBe(40);
    expect(data[0]).toBeGreaterThan(240);
  });

  it('refuses a file that starts like a JPEG but does not decode, with 415', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('garbage'.repeat(20))]);
    await expect(preparePhoto(upload(fake))).rejects.toBeInstanceOf(UnsupportedMediaTypeException);
  });
});
