import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useThrottle } from '../../lib/throttle';
import { useFeedNames } from '../reference/useFeedNames';
import { describeEvent } from './describe-event';
import { useLiveEvents } from './LiveProvider';
import type { AnyLiveEvent } from './types';

interface FeedLine {
  id: string;
  time: string;
  text: string;
}

// Bounded so a wall screen left running for days keeps flat memory.
const MAX_LINES = 40;
const RENDER_INTERVAL_MS = 250;
// One formatter for every line: toLocaleTimeString with options builds a new one per call, which
// under 50 events/s was the feed's largest cost.
const CLOCK = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit' });

/** The bottom live feed (滚动播报): newest first, at most a few renders a second however busy. */
export function EventFeed() {
  const { t } = useTranslation();
  const names = useFeedNames();
  const [lines, setLines] = useState<FeedLine[]>([]);
  // Lines wait here, newest first, until the next of at most a few renders a second.
  const waiting = useRef<FeedLine[]>([]);
  const render = useThrottle(() => {
    const fresh = waiting.current;
    waiting.current = [];
    setLines((old) => [...fresh, ...old].slice(0, MAX_LINES));
  }, RENDER_INTERVAL_MS);
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      const fresh: FeedLine[] = [];
      // Newest first, and no further than what the feed keeps: a burst costs at most MAX_LINES lines.
      for (let i = events.length - 1; i >= 0 && fresh.length < MAX_LINES; i--) {
        const event = events[i];
        const text = event && describeEvent(t, names, event);
        if (!event || !text) continue;
        fresh.push({ id: event.id, time: CLOCK.format(new Date(event.occurredAt)), text });
      }
      if (fresh.length === 0) return;
      waiting.current = [...fresh, ...waiting.current].slice(0, MAX_LINES);
      render.request();
    },
    [t, names, render],
  );
  useLiveEvents(onEvents);
  return (
    <section className="wall-panel wall-feed">
      <h2>{t('wall.feed')}</h2>
      {lines.length === 0 ? (
        <p className="muted">{t('wall.noEvents')}</p>
      ) : (
        <ul className="wall-feed__lines">
          {lines.map((line) => (
            <li key={line.id}>
              <time>{line.time}</time> {line.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
