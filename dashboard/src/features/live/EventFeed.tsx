import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaTime } from '../../lib/china-time';
import { useThrottle } from '../../lib/throttle';
import { useFeedNames } from '../reference/useFeedNames';
import { describeEvent } from './describe-event';
import { useLiveEvents } from './LiveProvider';
import type { AnyLiveEvent } from './types';

/**
 * A line keeps its event, not its words: the sentence is written at render time, so switching the
 * UI language rewrites the lines already on screen, not only the ones that come after.
 */
interface FeedLine {
  id: string;
  event: AnyLiveEvent;
}

// Bounded so a wall screen left running for days keeps flat memory.
const MAX_LINES = 40;
const RENDER_INTERVAL_MS = 250;

/**
 * The bottom live feed (滚动播报): newest first, at most a few renders a second however busy.
 * Times in China time (16:37) whatever the browser's zone; sentences in the UI language.
 */
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
        // Whether the feed announces an event does not depend on the language: decided once here.
        if (!event || !describeEvent(t, names, event)) continue;
        fresh.push({ id: event.id, event });
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
              <time dateTime={line.event.occurredAt}>{chinaTime(line.event.occurredAt)}</time>{' '}
              {describeEvent(t, names, line.event)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
