import type { PhotoView } from '@whistle/shared';
import type { Photo } from './photo.entity';

export function toPhotoView(p: Photo): PhotoView {
  return {
    id: p.id,
    incidentId: p.incidentId,
    dispatchId: p.dispatchId,
    contentType: p.contentType,
    sizeBytes: p.sizeBytes,
    width: p.width,
    height: p.height,
    url: `/api/photos/${p.id}`,
    thumbnailUrl: `/api/photos/${p.id}/thumbnail`,
    uploadedById: p.uploadedById,
    createdAt: p.createdAt.toISOString(),
  };
}
