'use client';

import { useTranslations } from 'next-intl';
import { parseAsString, useQueryStates } from 'nuqs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useRecordSearch } from '../api/favourites';
import { useRangeScan, type RangeScanState } from '../api/scan';
import { useTopicNames } from '../api/topics';
import { formatCount, formatDuration } from '../format';
import { useCluster } from '../useCluster';
import { URL_STATE_OPTIONS } from '../urlState';
import { Card, EmptyState, ErrorState, PartialFailures } from '../ui/states';
import { ScanResults } from './ScanResults';
import { fromLocalInput, fromUrlTime, toLocalInput, toUrlTime } from './scan-time';

const LIMITS = ['100', '1000', '5000', '10000'];
const QUICK = [['quick15m', 15 * 60_000], ['quick1h', 3600_000], ['quick24h', 86_400_000], ['quick7d', 7 * 86_400_000]] as const;
const REASONS = ['complete', 'limit', 'deadline', 'cancelled'] as const;
const reasonKey = (reason: string | undefined) => REASONS.find((r) => r === reason) ?? 'complete';

const inputClass = (invalid: boolean) => `rounded border px-2 py-1.5 text-sm ${invalid ? 'border-red-500 ring-1 ring-red-300' : 'border-slate-300'}`;

/**
 * "Topic & time": every message of a topic stored in a time range, read queue by queue on the brokers without a
 * consumer group, optionally narrowed by tag (on the broker) and by text (keys, properties, body; on the server).
 * The query lives in the URL (topic, begin, end, tag, text, limit); times show in the browser's zone.
 */
export function RangeScan() {
  const t = useTranslations('messages.range');
  const cluster = useCluster();
  const [url, setUrl] = useQueryStates(
    {
      topic: parseAsString.withDefault(''),
      begin: parseAsString.withDefault(''),
      end: parseAsString.withDefault(''),
      tag: parseAsString.withDefault(''),
      text: parseAsString.withDefault(''),
      limit: parseAsString.withDefault('1000'),
    },
    URL_STATE_OPTIONS,
  );
  const [topic, setTopic] = useState(url.topic);
  const [begin, setBegin] = useState('');
  const [end, setEnd] = useState('');
  const [tag, setTag] = useState(url.tag);
  const [text, setText] = useState(url.text);
  // any whole number the API takes works from a link (?limit=20); the select offers the usual ones
  const [limit, setLimit] = useState(/^\d{1,5}$/.test(url.limit) && Number(url.limit) >= 1 && Number(url.limit) <= 10_000 ? url.limit : '1000');
  const limits = LIMITS.includes(limit) ? LIMITS : [limit, ...LIMITS].sort((a, b) => Number(a) - Number(b));
  const [zone, setZone] = useState('');
  const [localError, setLocalError] = useState<{ field: string; message: string } | undefined>();
  const { state, run, cancel, continueScan } = useRangeScan(cluster);
  const topics = useTopicNames(cluster);
  const record = useRecordSearch(cluster);

  // the browser's zone and clock exist only after mount; a link with a full query runs at once
  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const now = Date.now();
    const b = fromUrlTime(url.begin) ?? now - 3600_000;
    const e = fromUrlTime(url.end) ?? now;
    setBegin(toLocalInput(b));
    setEnd(toLocalInput(e));
    if (url.topic && url.begin && url.end) void run({ topic: url.topic, begin: b, end: e, tag: url.tag, text: url.text, limit: Number(limit) });
    // once per mount: later URL changes come from this form, which runs the scan itself
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = () => {
    const b = fromLocalInput(begin);
    const e = fromLocalInput(end);
    if (!topic.trim()) return setLocalError({ field: 'topic', message: t('pickTopic') });
    if (b === undefined) return setLocalError({ field: 'begin', message: t('badBegin') });
    if (e === undefined) return setLocalError({ field: 'end', message: t('badEnd') });
    setLocalError(undefined);
    void setUrl({ topic: topic.trim(), begin: toUrlTime(b), end: toUrlTime(e), tag: tag.trim(), text: text.trim(), limit });
    void run({ topic: topic.trim(), begin: b, end: e, tag, text, limit: Number(limit) });
    if (b <= e) record({ kind: 'range', params: { topic: topic.trim(), begin: b, end: e, ...(tag.trim() ? { tag: tag.trim() } : {}), ...(text.trim() ? { text: text.trim() } : {}), limit: Number(limit) } });
  };

  const errorField = localError?.field ?? state.error?.field;
  const running = state.status === 'running';
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(ev) => {
          ev.preventDefault();
          submit();
        }}
      >
        <Field label={t('topic')}>
          <input name="topic" list="scan-topics" value={topic} onChange={(ev) => setTopic(ev.target.value)} aria-invalid={errorField === 'topic'} className={`w-56 font-mono ${inputClass(errorField === 'topic')}`} placeholder="LabTopic" />
          <datalist id="scan-topics">
            {topics.data?.items.map((t) => <option key={t.topic} value={t.topic} />)}
          </datalist>
        </Field>
        <Field label={zone ? t('storedFromZone', { zone }) : t('storedFrom')}>
          <input name="begin" type="datetime-local" step={1} value={begin} onChange={(ev) => setBegin(ev.target.value)} aria-invalid={errorField === 'begin'} className={inputClass(errorField === 'begin')} />
        </Field>
        <Field label={t('to')}>
          <input name="end" type="datetime-local" step={1} value={end} onChange={(ev) => setEnd(ev.target.value)} aria-invalid={errorField === 'end'} className={inputClass(errorField === 'end')} />
        </Field>
        <div className="flex gap-1 pb-0.5" aria-label={t('quickRanges')}>
          {QUICK.map(([label, ms]) => (
            <button
              key={label}
              type="button"
              title={t('quickTitle', { range: t(label) })}
              onClick={() => {
                const now = Date.now();
                setBegin(toLocalInput(now - ms));
                setEnd(toLocalInput(now));
              }}
              className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100"
            >
              {t(label)}
            </button>
          ))}
        </div>
        <Field label={t('tags')}>
          <input name="tag" value={tag} onChange={(ev) => setTag(ev.target.value)} aria-invalid={errorField === 'tag'} className={`w-40 font-mono ${inputClass(errorField === 'tag')}`} placeholder="*" />
        </Field>
        <Field label={t('text')}>
          <input name="text" value={text} onChange={(ev) => setText(ev.target.value)} aria-invalid={errorField === 'text'} className={`w-52 ${inputClass(errorField === 'text')}`} placeholder="order-4711" />
        </Field>
        <Field label={t('atMost')}>
          <select name="limit" value={limit} onChange={(ev) => setLimit(ev.target.value)} className={inputClass(errorField === 'limit')}>
            {limits.map((n) => <option key={n} value={n}>{formatCount(Number(n))}</option>)}
          </select>
        </Field>
        <button type="submit" disabled={running} className="rounded bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50">{t('scan')}</button>
        {running && (
          <button type="button" onClick={cancel} className="rounded border border-slate-300 bg-white px-4 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">{t('cancel')}</button>
        )}
      </form>
      {localError && <ErrorState title={t('checkForm')} message={localError.message} />}
      {state.status === 'idle' && !localError && (
        <EmptyState title={t('idleTitle')}>{t('idleHint')}</EmptyState>
      )}
      {state.status === 'error' && state.error && (
        <ErrorState
          title={state.error.status === 404 ? t('topicNotFound') : state.error.status === 400 ? (state.error.field ? t('checkField', { field: state.error.field }) : t('checkForm')) : t('failed')}
          message={state.error.message}
        />
      )}
      {state.status !== 'idle' && (state.counters || state.messages.length > 0) && <ScanOutcome state={state} onContinue={continueScan} />}
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col text-sm">
      <span className="text-slate-600">{label}</span>
      {children}
    </label>
  );
}

function ScanOutcome({ state, onContinue }: { state: RangeScanState; onContinue: () => void }) {
  const t = useTranslations('messages.range');
  // queues are read a few at a time, so rows arrive grouped by queue; store time is the order operators expect
  const [order, setOrder] = useState<'time' | 'read'>('time');
  const rows = useMemo(
    () => (order === 'read' ? state.messages : [...state.messages].sort((a, b) => a.storeTimestamp - b.storeTimestamp || a.queueOffset - b.queueOffset)),
    [order, state.messages],
  );
  const elapsed = useElapsed(state.status === 'running' ? state.startedAt : undefined);
  const c = state.counters;
  const running = state.status === 'running';
  const figures = c && (
    <>
      {t('queues')}<span className="tabular-nums">{formatCount(c.queuesDone)}/{formatCount(c.queuesTotal)}</span> · <span className="tabular-nums">{formatCount(c.scanned)}</span>{t('scanned')}
      {" "}· <span className="tabular-nums">{formatCount(c.matched)}</span>{t('matched')} ·{' '}
      <span className="tabular-nums">{running ? formatDuration(elapsed) : `${(c.elapsedMs / 1000).toFixed(1)} s`}</span>
    </>
  );
  return (
    <Card
      title={
        <span data-testid="scan-count">
          {t('count', { count: formatCount(state.messages.length), n: state.messages.length })}
          {state.requests > 1 && <span className="ml-1 font-normal text-slate-500">{t('inRequests', { count: String(state.requests) })}</span>}
        </span>
      }
      actions={
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-1 text-xs text-slate-600">
            {t('order')}
            <select name="order" value={order} onChange={(ev) => setOrder(ev.target.value === 'read' ? 'read' : 'time')} className="rounded border border-slate-300 px-1 py-0.5 text-xs">
              <option value="time">{t('byStoreTime')}</option>
              <option value="read">{t('asRead')}</option>
            </select>
          </label>
          {!running && (state.cursor || state.reason === 'cancelled') && (
            <button type="button" onClick={onContinue} className="rounded border border-blue-300 bg-white px-3 py-1 text-xs font-medium text-blue-700 hover:bg-blue-50">
              {t('continue')}
            </button>
          )}
        </div>
      }
    >
      <div className="space-y-3 p-3">
        <p className="text-sm text-slate-600" data-testid={running ? 'scan-progress' : 'scan-status'} aria-live="polite">
          {running ? (
            <span className="inline-flex items-center gap-2">
              <span className="h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-slate-600" aria-hidden="true" />
              {t('scanning')}{figures}
            </span>
          ) : (
            <>
              <span className="font-medium text-slate-800">{t(reasonKey(state.reason))}</span>
              {figures && <>: {figures}</>}
              {(state.cursor || state.reason === 'cancelled') && <span className="text-slate-500">{t('continueRest')}</span>}
            </>
          )}
        </p>
        <PartialFailures failures={state.failures} />
        {state.messages.length === 0 ? (
          running ? null : (
            <EmptyState title={t('noMatchTitle')}>{t('noMatchHint')}</EmptyState>
          )
        ) : (
          <ScanResults messages={rows} />
        )}
      </div>
    </Card>
  );
}

function useElapsed(since: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === undefined) return;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [since]);
  return since === undefined ? 0 : Math.max(0, now - since);
}
