import { UnsupportedMediaTypeException } from '@nestjs/common';
import type Sharp from 'sharp';
import { PHOTO_CONTENT_TYPES, sniffImageType, type PhotoContentType } from './image-type';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS_PER_REQUEST = 9;
export const THUMBNAIL_MAX_SIDE = 320;
/** Refuses decompression bombs: a small file that decodes to an enormous bitmap. */
const MAX_INPUT_PIXELS = 80_000_000;

/** An uploaded file as multer hands it over (memory storage). */
export interface UploadedPhoto {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** A checked photo ready to store: the original bytes untouched, plus its thumbnail. */
export interface PreparedPhoto {
  original: Buffer;
  contentType: PhotoContentType;
  /** As displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  thumbnail: Buffer;
}

/** sharp (libvips, ~20 MB resident) loads with the first photo, not in every API process at start. */
let sharpLoading: Promise<typeof Sharp> | null = null;
const loadSharp = (): Promise<typeof Sharp> => (sharpLoading ??= import('sharp').then((m) => m.default));

const unsupported = (name: string, why: string): UnsupportedMediaTypeException =>
  new UnsupportedMediaTypeException(
    `Photo "${name}" ${why}; accepted types: ${PHOTO_CONTENT_TYPES.join(', ')}`,
  );

/**
 * Checks the file really is a JPEG, PNG or WebP (by its bytes) that decodes, and renders its
 * thumbnail. The original is kept byte for byte as evidence; the thumbnail is re-encoded, so it
 * carries no EXIF (location, device), and is turned upright first.
 */
export async function preparePhoto(file: UploadedPhoto): Promise<PreparedPhoto> {
  const contentType = sniffImageType(file.buffer);
  if (!contentType) throw unsupported(file.originalname, 'is not an image of an accepted type');
  const sharp = await loadSharp();
  try {
    const image = sharp(file.buffer, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await image.metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const thumbnail = await image
      .rotate()
      .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      // JPEG has no transparency: a PNG's transparent parts turn white, not black.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
    return {
      original: file.buffer,
      contentType,
      width: turned ? meta.height : meta.width,
      height: turned ? meta.width : meta.height,
      thumbnail,
    };
  } catch {
    throw unsupported(file.originalname, 'cannot be decoded as an image');
  }
}
