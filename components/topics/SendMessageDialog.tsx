'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ChangeResult } from '@/lib/console/changes/types';
import type { TopicRoute } from '@/lib/console/topics/detail';
import { useChangePreview } from '../api/changes';
import { useCluster } from '../useCluster';
import { ChangeDone, ChangeModal, ConfirmChange } from '../changes/ConfirmChange';
import { PlanFormFooter } from '../changes/FormParts';

const input = 'rounded border border-slate-300 px-2 py-1';

/** Send one message to the topic: tag, keys, properties, body, delay or delivery time, queue; previewed and audited. */
export function SendMessageDialog({ topic, route, onClose }: { topic: string; route: TopicRoute; onClose: () => void }) {
  const t = useTranslations('topics.send');
  const cluster = useCluster();
  const preview = useChangePreview(cluster);
  const [result, setResult] = useState<ChangeResult | undefined>();
  const [tag, setTag] = useState('');
  const [keys, setKeys] = useState('');
  const [properties, setProperties] = useState('');
  const [body, setBody] = useState('');
  const [bodyFormat, setBodyFormat] = useState<'text' | 'json'>('text');
  const [delayLevel, setDelayLevel] = useState('');
  const [deliverAt, setDeliverAt] = useState('');
  const [queue, setQueue] = useState('');
  const writable = route.queues.filter((q) => (q.perm & 2) !== 0);
  const submit = () => {
    const props = Object.fromEntries(properties.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => [l.slice(0, l.indexOf('=') < 0 ? l.length : l.indexOf('=')).trim(), l.indexOf('=') < 0 ? '' : l.slice(l.indexOf('=') + 1).trim()]));
    const [brokerName, queueId] = queue ? (queue.split('/') as [string, string]) : [];
    preview.mutate({
      action: 'message.send',
      request: {
        topic,
        body,
        bodyFormat,
        ...(tag.trim() ? { tag: tag.trim() } : {}),
        ...(keys.trim() ? { keys: keys.trim().split(/\s+/) } : {}),
        ...(Object.keys(props).length ? { properties: props } : {}),
        ...(delayLevel ? { delayLevel: Number(delayLevel) } : {}),
        ...(deliverAt ? { deliverAt: new Date(deliverAt).getTime() } : {}),
        ...(brokerName ? { queue: { brokerName, queueId: Number(queueId) } } : {}),
      },
    });
  };
  return (
    <ChangeModal title={t('title', { topic })} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={onClose} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} />
      ) : (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), submit())}>
          <label className="flex items-center gap-2"><span className="w-40 text-slate-600">{t('tag')}</span><input value={tag} onChange={(e) => setTag(e.target.value)} aria-label={t('tag')} className={`${input} w-60`} /></label>
          <label className="flex items-center gap-2"><span className="w-40 text-slate-600">{t('keys')}</span><input value={keys} onChange={(e) => setKeys(e.target.value)} aria-label={t('keysLabel')} className={`${input} w-96`} /></label>
          <label className="flex items-start gap-2"><span className="w-40 pt-1 text-slate-600">{t('properties')}</span><textarea value={properties} onChange={(e) => setProperties(e.target.value)} aria-label={t('propertiesLabel')} rows={2} className={`${input} w-96 font-mono text-xs`} /></label>
          <label className="flex items-start gap-2">
            <span className="w-40 pt-1 text-slate-600">{t('body')}</span>
            <textarea value={body} onChange={(e) => setBody(e.target.value)} aria-label={t('body')} rows={6} className={`${input} w-[36rem] font-mono text-xs`} />
          </label>
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">{t('bodyIs')}</span>
            <select value={bodyFormat} onChange={(e) => setBodyFormat(e.target.value as 'text' | 'json')} aria-label={t('bodyFormat')} className={input}><option value="text">{t('text')}</option><option value="json">{t('json')}</option></select>
          </label>
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">{t('delayLevel')}</span>
            <select value={delayLevel} onChange={(e) => setDelayLevel(e.target.value)} aria-label={t('delayLevel')} className={input}>
              <option value="">{t('none')}</option>
              {Array.from({ length: 18 }, (_, i) => <option key={i + 1} value={i + 1}>{i + 1}</option>)}
            </select>
            <span className="text-slate-600">{t('orDeliverAt')}</span>
            <input type="datetime-local" value={deliverAt} onChange={(e) => setDeliverAt(e.target.value)} aria-label={t('deliverAt')} className={input} />
          </label>
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">{t('queue')}</span>
            <select value={queue} onChange={(e) => setQueue(e.target.value)} aria-label={t('queue')} className={input}>
              <option value="">{t('brokerPicks')}</option>
              {writable.flatMap((q) => Array.from({ length: q.writeQueueNums }, (_, i) => <option key={`${q.brokerName}/${i}`} value={`${q.brokerName}/${i}`}>{t('brokerQueue', { broker: q.brokerName, queue: String(i) })}</option>))}
            </select>
          </label>
          <PlanFormFooter error={preview.error} pending={preview.isPending} onCancel={onClose} errorTitle={t('cannotPlan')} />
        </form>
      )}
    </ChangeModal>
  );
}
