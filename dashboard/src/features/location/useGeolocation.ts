import { useCallback, useEffect, useState } from 'react';
import type { LngLat } from '@whistle/shared';

export type GeoState =
  | { status: 'locating' }
  | { status: 'located'; location: LngLat; accuracy: number }
  | { status: 'denied' }
  | { status: 'unavailable' };

/** The device's position, asked once on open and again on demand ("locate me again"). */
export function useGeolocation(): { state: GeoState; locate: () => void } {
  const [state, setState] = useState<GeoState>({ status: 'locating' });
  const locate = useCallback(() => {
    const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
    if (!geo) {
      setState({ status: 'unavailable' });
      return;
    }
    setState({ status: 'locating' });
    geo.getCurrentPosition(
      (position) =>
        setState({
          status: 'located',
          location: { lng: position.coords.longitude, lat: position.coords.latitude },
          accuracy: Math.round(position.coords.accuracy),
        }),
      (error) => setState({ status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }, []);
  useEffect(locate, [locate]);
  return { state, locate };
}
