import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { queryKeys } from '../../lib/api/query-keys';
import { useLiveEvents } from '../live/LiveProvider';
import type { AnyLiveEvent } from '../live/types';
import { useFeedNames } from '../reference/useFeedNames';
import { useSignedIn } from '../session/SessionProvider';
import { describeAlert } from './alert-message';
import { alertPrefs } from './alert-prefs';
import { ALERT_KINDS, alertsFrom, type Alert, type AlertKind } from './alert-rules';
import { askPermissionOnce, browserNotifications, notify } from './notifications';
import { blinkTitle } from './title-blink';
import { audioContextClass, playTone } from './tone';

export interface UseAlertsOptions {
  /** Which kinds this view rings for; all by default (the rules decide who gets which). */
  kinds?: readonly AlertKind[];
  /** Narrows further (a desk watching one street, say). Keep it stable (useCallback). */
  filter?: (alert: Alert) => boolean;
  /** The user clicked the system notification: open the dispatch it names. */
  onOpen?: (alert: Alert) => void;
}

export interface AlertsState {
  /** Dispatches that alerted since the user last opened them: highlight their rows. */
  fresh: ReadonlySet<string>;
  /** The kind of the newest alert while one stands (the title blinks); null once seen. */
  standing: AlertKind | null;
  /** The user opened the dispatch: it is no longer fresh. */
  seen: (dispatchId: string) => void;
  /** Whether this user muted alerts (no sound, no system notification). */
  muted: boolean;
}

/** How many rung alert keys a console remembers, so a replayed event does not ring twice. */
const RUNG_KEPT = 2_000;

/** The user's mute choice, shared by the header toggle and every useAlerts. */
export function useAlertMute(): { muted: boolean; setMuted: (muted: boolean) => void } {
  const { user } = useSignedIn();
  const muted = useSyncExternalStore(alertPrefs.subscribe, () => alertPrefs.isMuted(user.id));
  return { muted, setMuted: (next) => alertPrefs.setMuted(user.id, next) };
}

/** The incident title of a dispatch already in the cache (overdue notices carry only ids). */
function cachedTitle(client: QueryClient, dispatchId: string): string | undefined {
  for (const [, data] of client.getQueriesData<DispatchView[]>({ queryKey: queryKeys.dispatches.all() })) {
    const found = Array.isArray(data) ? data.find((d) => d.id === dispatchId) : undefined;
    if (found) return found.incident.title;
  }
  return undefined;
}

/**
 * Alerts of a console: for each new dispatch, overdue deadline and returned dispatch that concerns
 * the signed-in user (see alert-rules), a system notification and a tone — unless the user muted
 * them — and always a blinking tab title and the row marked fresh. Call it ONCE per page.
 *
 * Browsers allow sound and the permission prompt only after a user gesture: the first click or key
 * press on the page unlocks audio and asks for notification permission (once per browser, ever).
 *
 *   const alerts = useAlerts({ kinds: ['newDispatch', 'overdue'], onOpen: (a) => open(a.dispatchId) });
 *   <Row className={alerts.fresh.has(d.id) ? 'row--fresh' : ''} />
 */
export function useAlerts(options: UseAlertsOptions = {}): AlertsState {
  const { kinds = ALERT_KINDS, filter, onOpen } = options;
  const { user } = useSignedIn();
  const { t } = useTranslation();
  const names = useFeedNames();
  const client = useQueryClient();
  const { muted } = useAlertMute();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const [standing, setStanding] = useState<AlertKind | null>(null);
  const audio = useRef<AudioContext | null>(null);
  const rung = useRef(new Set<string>());
  // Read at alert time without re-subscribing to the live store on every render.
  const latest = useRef({ t, names, muted, onOpen });
  latest.current = { t, names, muted, onOpen };
  const kindList = kinds.join(',');

  // The first gesture: unlock audio, and ask for notifications once.
  useEffect(() => {
    const unlock = () => {
      const Ctor = audioContextClass();
      if (!audio.current && Ctor) audio.current = new Ctor();
      void audio.current?.resume();
      void askPermissionOnce(browserNotifications(), alertPrefs);
    };
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  useEffect(() => () => void audio.current?.close(), []);

  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      const wanted = kindList.split(',');
      const alerts = alertsFrom(events, user).filter(
        (a) => wanted.includes(a.kind) && (filter?.(a) ?? true) && !rung.current.has(a.key),
      );
      if (alerts.length === 0) return;
      for (const a of alerts) rung.current.add(a.key);
      // A wall or desk stays open for days: remember the recent keys only (a replay after a
      // reconnect repeats minutes of events, not thousands), oldest forgotten first.
      for (const key of rung.current) {
        if (rung.current.size <= RUNG_KEPT) break;
        rung.current.delete(key);
      }
      const dispatchIds = alerts.flatMap((a) => (a.dispatchId ? [a.dispatchId] : []));
      setFresh((prev) => new Set([...prev, ...dispatchIds]));
      const newest = alerts[alerts.length - 1];
      setStanding(newest.kind);
      const { t: tr, names: nm, muted: silent, onOpen: open } = latest.current;
      if (silent) return;
      if (audio.current) playTone(audio.current, newest.kind);
      // One notification per alert (a burst is rare; each names a different dispatch).
      for (const a of alerts)
        notify(
          browserNotifications(),
          describeAlert(tr, nm, a, (id) => cachedTitle(client, id)),
          () => open?.(a),
        );
    },
    [user, filter, kindList, client],
  );
  useLiveEvents(onEvents);

  // The title blinks while an alert stands; coming back to the tab (or clicking in it) ends it.
  useEffect(() => {
    if (!standing) return;
    const mark = t(`ops.alerts.mark.${standing}`);
    const marks = ALERT_KINDS.map((k) => t(`ops.alerts.mark.${k}`));
    const base = marks.reduce(
      (title, m) => (title.startsWith(m) ? title.slice(m.length) : title),
      document.title,
    );
    let tick = 0;
    document.title = blinkTitle(base, mark, tick, true);
    const timer = setInterval(() => {
      tick += 1;
      document.title = blinkTitle(base, mark, tick, true);
    }, 800);
    const stop = () => setStanding(null);
    window.addEventListener('focus', stop);
    window.addEventListener('pointerdown', stop);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', stop);
      window.removeEventListener('pointerdown', stop);
      document.title = base;
    };
  }, [standing, t]);

  const seen = useCallback(
    (id: string) =>
      setFresh((prev) => {
        if (!prev.has(id)) return prev;
        const next = new Set(prev);
        next.delete(id);
        return next;
      }),
    [],
  );
  return { fresh, standing, seen, muted };
}
