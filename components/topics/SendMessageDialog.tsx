'use client';

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
    <ChangeModal title={`Send a message to ${topic}`} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={onClose} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} />
      ) : (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), submit())}>
          <label className="flex items-center gap-2"><span className="w-40 text-slate-600">Tag</span><input value={tag} onChange={(e) => setTag(e.target.value)} aria-label="Tag" className={`${input} w-60`} /></label>
          <label className="flex items-center gap-2"><span className="w-40 text-slate-600">Keys (space-separated)</span><input value={keys} onChange={(e) => setKeys(e.target.value)} aria-label="Keys" className={`${input} w-96`} /></label>
          <label className="flex items-start gap-2"><span className="w-40 pt-1 text-slate-600">Properties (name=value per line)</span><textarea value={properties} onChange={(e) => setProperties(e.target.value)} aria-label="Properties" rows={2} className={`${input} w-96 font-mono text-xs`} /></label>
          <label className="flex items-start gap-2">
            <span className="w-40 pt-1 text-slate-600">Body</span>
            <textarea value={body} onChange={(e) => setBody(e.target.value)} aria-label="Body" rows={6} className={`${input} w-[36rem] font-mono text-xs`} />
          </label>
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">Body is</span>
            <select value={bodyFormat} onChange={(e) => setBodyFormat(e.target.value as 'text' | 'json')} aria-label="Body format" className={input}><option value="text">text</option><option value="json">JSON (checked before sending)</option></select>
          </label>
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">Delay level</span>
            <select value={delayLevel} onChange={(e) => setDelayLevel(e.target.value)} aria-label="Delay level" className={input}>
              <option value="">none</option>
              {Array.from({ length: 18 }, (_, i) => <option key={i + 1} value={i + 1}>{i + 1}</option>)}
            </select>
            <span className="text-slate-600">or deliver at (5.x)</span>
            <input type="datetime-local" value={deliverAt} onChange={(e) => setDeliverAt(e.target.value)} aria-label="Deliver at" className={input} />
          </label>
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">Queue</span>
            <select value={queue} onChange={(e) => setQueue(e.target.value)} aria-label="Queue" className={input}>
              <option value="">the broker picks</option>
              {writable.flatMap((q) => Array.from({ length: q.writeQueueNums }, (_, i) => <option key={`${q.brokerName}/${i}`} value={`${q.brokerName}/${i}`}>{`${q.brokerName} queue ${i}`}</option>))}
            </select>
          </label>
          <PlanFormFooter error={preview.error} pending={preview.isPending} onCancel={onClose} errorTitle="Cannot plan this send" />
        </form>
      )}
    </ChangeModal>
  );
}
