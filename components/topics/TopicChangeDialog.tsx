'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ChangeResult } from '@/lib/console/changes/types';
import type { TopicRoute } from '@/lib/console/topics/detail';
import { MESSAGE_TYPES, type MessageType } from '@/lib/console/topics/change/message-types';
import { errorText } from '../api/client';
import { useChangePreview } from '../api/changes';
import { useClusterOverview } from '../api/clusters';
import { useCluster } from '../useCluster';
import { ChangeDone, ChangeModal, ConfirmChange } from '../changes/ConfirmChange';
import { PlanFormFooter, WhereField } from '../changes/FormParts';
import { ErrorState, Spinner } from '../ui/states';

const input = 'rounded border border-slate-300 px-2 py-1';

/**
 * Create a topic, or edit one (queues, permission, message type, order config) on every master of a cluster or on
 * chosen brokers: a form, then the plan to confirm, then what each broker and namesrv did.
 */
export function TopicUpsertDialog({ topic: existing, route, onClose }: { topic?: string; route?: TopicRoute; onClose: () => void }) {
  const t = useTranslations('topics.change');
  const cluster = useCluster();
  const overview = useClusterOverview(cluster);
  const preview = useChangePreview(cluster);
  const [result, setResult] = useState<ChangeResult | undefined>();
  const first = route?.queues[0];
  const [topic, setTopic] = useState(existing ?? '');
  const [where, setWhere] = useState<string>('');
  const [brokers, setBrokers] = useState<string[]>(route ? route.queues.map((q) => q.brokerName) : []);
  const [readQueueNums, setRead] = useState(String(first?.readQueueNums ?? 8));
  const [writeQueueNums, setWrite] = useState(String(first?.writeQueueNums ?? 8));
  const [perm, setPerm] = useState(String(first?.perm ?? 6));
  const [messageType, setMessageType] = useState<MessageType | ''>('');
  const [order, setOrder] = useState<'' | 'true' | 'false'>('');
  const clusters = overview.data?.clusters ?? [];
  const masters = clusters.flatMap((c) => c.brokers.filter((b) => b.role === 'MASTER').map((b) => ({ ...b, clusterName: c.clusterName })));
  const v5 = masters.length > 0 && masters.every((m) => /^V5_/.test(m.version ?? ''));
  const chosenCluster = where || (existing ? '' : clusters[0]?.clusterName ?? '');
  const title = existing ? t('editTitle', { topic: existing }) : t('createTitle');

  const submit = () =>
    preview.mutate({
      action: 'topic.upsert',
      request: {
        topic: topic.trim(),
        ...(chosenCluster ? { clusterName: chosenCluster } : { brokerNames: brokers }),
        readQueueNums: Number(readQueueNums),
        writeQueueNums: Number(writeQueueNums),
        perm: Number(perm),
        ...(messageType ? { messageType } : {}),
        ...(order ? { order: order === 'true' } : {}),
      },
    });

  return (
    <ChangeModal title={title} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={onClose} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} />
      ) : !overview.data ? (
        <Spinner label={t('readingBrokers')} />
      ) : (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), submit())}>
          {!existing && (
            <label className="flex items-center gap-2">
              <span className="w-40 text-slate-600">{t('topic')}</span>
              <input value={topic} onChange={(e) => setTopic(e.target.value)} aria-label={t('topicName')} className={`${input} w-80 font-mono`} autoComplete="off" />
            </label>
          )}
          <WhereField clusters={clusters.map((c) => c.clusterName)} masters={masters.map((m) => m.brokerName)} cluster={chosenCluster} onCluster={setWhere} brokers={brokers} onBrokers={setBrokers} labelClass="w-40" indentClass="pl-42" />
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">{t('readQueues')}</span>
            <input inputMode="numeric" value={readQueueNums} onChange={(e) => setRead(e.target.value)} aria-label="readQueueNums" className={`${input} w-24 text-right`} />
          </label>
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">{t('writeQueues')}</span>
            <input inputMode="numeric" value={writeQueueNums} onChange={(e) => setWrite(e.target.value)} aria-label="writeQueueNums" className={`${input} w-24 text-right`} />
          </label>
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">{t('permission')}</span>
            <select value={perm} onChange={(e) => setPerm(e.target.value)} aria-label="perm" className={input}>
              <option value="6">{t('permRW')}</option>
              <option value="4">{t('permR')}</option>
              <option value="2">{t('permW')}</option>
            </select>
          </label>
          {v5 && (
            <label className="flex items-center gap-2">
              <span className="w-40 text-slate-600">{t('messageType')}</span>
              <select value={messageType} onChange={(e) => setMessageType(e.target.value as MessageType | '')} aria-label="messageType" className={input}>
                <option value="">{existing ? t('unchanged') : t('unsetAny')}</option>
                {MESSAGE_TYPES.map((type) => <option key={type} value={type}>{type}</option>)}
              </select>
            </label>
          )}
          <label className="flex items-center gap-2">
            <span className="w-40 text-slate-600">{t('orderConfig')}</span>
            <select value={order} onChange={(e) => setOrder(e.target.value as '' | 'true' | 'false')} aria-label="order" className={input}>
              <option value="">{t('unchanged')}</option>
              <option value="true">{t('ordered')}</option>
              <option value="false">{t('notOrdered')}</option>
            </select>
          </label>
          <PlanFormFooter error={preview.error} pending={preview.isPending} onCancel={onClose} />
        </form>
      )}
    </ChangeModal>
  );
}

/** Delete a topic: the plan (brokers, messages held, groups) straight away, to confirm by typing its name. */
export function TopicDeleteDialog({ topic, onClose, onDeleted }: { topic: string; onClose: () => void; onDeleted?: () => void }) {
  const t = useTranslations('topics.change');
  const cluster = useCluster();
  const preview = useChangePreview(cluster);
  const [result, setResult] = useState<ChangeResult | undefined>();
  const { mutate } = preview;
  useEffect(() => mutate({ action: 'topic.delete', request: { topic } }), [mutate, topic]);
  return (
    <ChangeModal title={t('deleteTitle', { topic })} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={() => (result.status === 'completed' && onDeleted ? onDeleted() : onClose())} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={onClose} />
      ) : preview.error ? (
        <ErrorState title={t('cannotPlanDeletion')} message={errorText(preview.error)} />
      ) : (
        <Spinner label={t('readingTopic')} />
      )}
    </ChangeModal>
  );
}
