import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session/SessionProvider';
import { fetchObjectUrl, usePhotos, type PhotoSummary } from './photo-api';

/** One photo as a thumbnail that opens the full image. */
export function Thumb({ photo }: { photo: PhotoSummary }) {
  const { token } = useSignedIn();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    fetchObjectUrl(token, photo.thumbnailUrl)
      .then((u) => {
        url = u;
        if (live) setSrc(u);
        else URL.revokeObjectURL(u);
      })
      .catch(() => undefined);
    // Object URLs pin their blob in memory until revoked.
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [token, photo.thumbnailUrl]);
  const open = () => {
    void fetchObjectUrl(token, photo.url).then((u) => window.open(u, '_blank', 'noopener'));
  };
  return (
    <button type="button" className="thumb" onClick={open} data-testid="photo-thumb">
      {src ? <img src={src} alt="" /> : <span className="muted">…</span>}
    </button>
  );
}

/** The incident's photos as thumbnails; an absent photos endpoint just shows none. */
export function PhotoThumbs({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const photos = usePhotos(incidentId);
  const items = photos.data ?? [];
  if (items.length === 0) return <p className="muted">{t('desk.noPhotos')}</p>;
  return (
    <div className="thumbs">
      {items.map((p) => (
        <Thumb key={p.id} photo={p} />
      ))}
    </div>
  );
}
