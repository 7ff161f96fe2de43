'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { formatDuration } from '../format';

/** Ages and durations in the page's language: "3 min ago" / "3 分钟前". */
export function useAge() {
  const t = useTranslations('states');
  const duration = useCallback((ms: number) => formatDuration(ms, { s: (n) => t('units.s', { n: String(n) }), min: (n) => t('units.min', { n: String(n) }), h: (n) => t('units.h', { n: String(n) }), d: (n) => t('units.d', { n: String(n) }) }), [t]);
  const age = useCallback((ms: number) => (ms >= 0 ? t('ago', { duration: duration(ms) }) : t('in', { duration: duration(-ms) })), [t, duration]);
  return { duration, age, t };
}

function useNow(intervalMs: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function absolute(ms: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hour12: false, timeZoneName: 'short', timeZone,
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${get('timeZoneName')}`;
}

/**
 * A point in time with its zone and its age ("2026-11-24 06:07:42 UTC · 3 min ago"). The server renders UTC; the
 * browser switches to the operator's zone once mounted.
 */
export function Timestamp({ ms, showAge = true, compact = false }: { ms: number | undefined | null; showAge?: boolean; compact?: boolean }) {
  const now = useNow(15_000);
  const { age: ageText } = useAge();
  if (!ms || ms <= 0) return <span className="text-slate-400">—</span>;
  const text = absolute(ms, now === null ? 'UTC' : undefined);
  const age = now === null ? null : now - ms;
  if (compact) {
    // narrow table cells: the age, with the full time (zone included) on hover
    return (
      <span className="whitespace-nowrap tabular-nums" title={text} data-ms={ms}>
        {age === null ? text : ageText(age)}
      </span>
    );
  }
  return (
    <span className="whitespace-nowrap" title={new Date(ms).toISOString()} data-ms={ms}>
      <span className="tabular-nums">{text}</span>
      {showAge && age !== null && (
        <span className="ml-1.5 text-slate-500">· {ageText(age)}</span>
      )}
    </span>
  );
}

/** "as of 4 s ago", ticking. */
export function Age({ ms, prefix }: { ms: number; prefix?: string }) {
  const now = useNow(1000);
  const { age, t } = useAge();
  return <span data-testid="as-of">{prefix ?? t('asOf')} {now === null ? t('now') : age(now - ms)}</span>;
}
