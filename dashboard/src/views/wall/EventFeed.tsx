import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveEvents } from '../../live/LiveProvider';
import type { AnyLiveEvent } from '../../live/types';
import { describeEvent } from './describe-event';
import { useFeedNames } from './useFeedNames';

interface FeedLine {
  id: string;
  time: string;
  text: string;
}

// Bounded so a wall screen left running for days keeps flat memory.
const MAX_LINES = 40;

/** The bottom live feed (滚动播报): one state update per batch of events, newest first. */
export function EventFeed() {
  const { t } = useTranslation();
  const names = useFeedNames();
  const [lines, setLines] = useState<FeedLine[]>([]);
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      const fresh: FeedLine[] = [];
      for (const event of events) {
        const text = describeEvent(t, names, event);
        if (!text) continue;
        const time = new Date(event.occurredAt).toLocaleTimeString('zh-CN', {
          hour: '2-digit',
          minute: '2-digit',
        });
        fresh.unshift({ id: event.id, time, text });
      }
      if (fresh.length > 0) setLines((old) => [...fresh, ...old].slice(0, MAX_LINES));
    },
    [t, names],
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
