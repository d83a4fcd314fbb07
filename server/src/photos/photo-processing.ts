import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { open } from 'node:fs/promises';
import type Sharp from 'sharp';
import { PHOTO_CONTENT_TYPES, sniffImageType, type PhotoContentType } from './image-type';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS_PER_REQUEST = 9;
export const THUMBNAIL_MAX_SIDE = 320;
/** Enough bytes to recognise every accepted type by its magic number. */
const SNIFF_BYTES = 16;

/** An uploaded file as multer hands it over (disk storage: the bytes are in a temporary file). */
export interface UploadedPhoto {
  originalname: string;
  path: string;
  size: number;
}

/** A checked photo ready to store: the original bytes untouched in their file, plus its thumbnail. */
export interface PreparedPhoto {
  /** The uploaded file, kept byte for byte. */
  path: string;
  sizeBytes: number;
  contentType: PhotoContentType;
  /** As displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  thumbnail: Buffer;
}

/**
 * sharp (libvips, ~20 MB resident) loads with the first photo, not in every API process at start.
 * Its cache is off: every upload is read once, and the cache would only hold memory and keep the
 * temporary files it read open (their disk space not freed) after they are moved or removed.
 */
let sharpLoading: Promise<typeof Sharp> | null = null;
const loadSharp = (): Promise<typeof Sharp> =>
  (sharpLoading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  }));

const unsupported = (name: string, why: string): UnsupportedMediaTypeException =>
  new UnsupportedMediaTypeException(
    `Photo "${name}" ${why}; accepted types: ${PHOTO_CONTENT_TYPES.join(', ')}`,
  );

async function firstBytes(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const tooManyPixels = (name: string, width: number, height: number, maxPixels: number) => {
  const problem = `"${name}" is ${width} × ${height} pixels; at most ${maxPixels / 1_000_000} megapixels are accepted`;
  return new PayloadTooLargeException({ message: `Photo ${problem}`, fields: { photos: [problem] } });
};

/**
 * Checks the file really is a JPEG, PNG or WebP (by its bytes) that decodes, and renders its
 * thumbnail. The original is kept byte for byte as evidence; the thumbnail is re-encoded, so it
 * carries no EXIF (location, device), and is turned upright first.
 *
 * The size is read from the header before any pixel is decoded: a decompression bomb (a small file
 * claiming an enormous bitmap) is refused with 413 without costing its bitmap's memory.
 */
export async function preparePhoto(file: UploadedPhoto, maxPixels: number): Promise<PreparedPhoto> {
  const contentType = sniffImageType(await firstBytes(file.path));
  if (!contentType) throw unsupported(file.originalname, 'is not an image of an accepted type');
  const sharp = await loadSharp();
  let width: number;
  let height: number;
  let turned: boolean;
  try {
    // Only the header is read, so no limit is needed here (sharp's default one would hide the size).
    const meta = await sharp(file.path, { limitInputPixels: false }).metadata();
    [width, height, turned] = [meta.width, meta.height, (meta.orientation ?? 1) >= 5];
  } catch {
    throw unsupported(file.originalname, 'cannot be decoded as an image');
  }
  if (width * height > maxPixels) throw tooManyPixels(file.originalname, width, height, maxPixels);
  try {
    // limitInputPixels again: the decoder itself refuses whatever the header check missed.
    const thumbnail = await sharp(file.path, { limitInputPixels: maxPixels, failOn: 'error' })
      .rotate()
      .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      // JPEG has no transparency: a PNG's transparent parts turn white, not black.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
    return {
      path: file.path,
      sizeBytes: file.size,
      contentType,
      width: turned ? height : width,
      height: turned ? width : height,
      thumbnail,
    };
  } catch {
    throw unsupported(file.originalname, 'cannot be decoded as an image');
  }
}
