'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ChangeResult } from '@/lib/console/changes/types';
import type { GroupOverview } from '@/lib/console/groups/overview';
import { useChangePreview } from '../api/changes';
import { useClusterOverview } from '../api/clusters';
import { useCluster } from '../useCluster';
import { ChangeDone, ChangeModal, ConfirmChange } from '../changes/ConfirmChange';
import { PlanFormFooter, WhereField } from '../changes/FormParts';
import { Spinner } from '../ui/states';
import { RetryPolicyField, retryPolicyForm, retryPolicyRequest } from './RetryPolicyField';

const input = 'rounded border border-slate-300 px-2 py-1';
const FLAGS = [['consumeEnable'], ['consumeBroadcastEnable'], ['consumeFromMinEnable'], ['consumeMessageOrderly']] as const;
type Flag = (typeof FLAGS)[number][0];

/** 5 for a broker that says V5_5_0; 0 when it did not say. */
const majorVersion = (version?: string) => Number(/^V(\d+)_/.exec(version ?? '')?.[1] ?? 0);

/** Create a subscription group, or edit one, on every master of a cluster or chosen brokers: form, plan, outcome. */
export function GroupUpsertDialog({ group: existing, overview, onClose }: { group?: string; overview?: GroupOverview; onClose: () => void }) {
  const t = useTranslations('groups.change');
  const cluster = useCluster();
  const brokers = useClusterOverview(cluster);
  const preview = useChangePreview(cluster);
  const [result, setResult] = useState<ChangeResult | undefined>();
  const first = overview?.configs[0];
  const [group, setGroup] = useState(existing ?? '');
  const [where, setWhere] = useState('');
  const [chosen, setChosen] = useState<string[]>(overview ? overview.configs.map((c) => c.brokerName) : []);
  const initial = {
    retryQueueNums: String(first?.retryQueueNums ?? 1),
    retryMaxTimes: String(first?.retryMaxTimes ?? 16),
    flags: {
      consumeEnable: first?.consumeEnable ?? true,
      consumeBroadcastEnable: first?.consumeBroadcastEnable ?? true,
      consumeFromMinEnable: first?.consumeFromMinEnable ?? false,
      consumeMessageOrderly: first?.consumeMessageOrderly ?? false,
    } satisfies Record<Flag, boolean>,
  };
  const [retryQueueNums, setRetryQueueNums] = useState(initial.retryQueueNums);
  const [retryMaxTimes, setRetryMaxTimes] = useState(initial.retryMaxTimes);
  const [flags, setFlags] = useState<Record<Flag, boolean>>(initial.flags);
  const [policy, setPolicy] = useState(() => retryPolicyForm(first?.retryPolicy));
  const clusters = brokers.data?.clusters ?? [];
  const masters = clusters.flatMap((c) => c.brokers.filter((b) => b.role === 'MASTER'));
  // the retry policy is a 5.x setting: offered when every master runs 5.x
  const v5 = masters.length > 0 && masters.every((m) => majorVersion(m.version) >= 5);
  const chosenCluster = where || (existing ? '' : clusters[0]?.clusterName ?? '');
  const submit = () =>
    preview.mutate({
      action: 'group.upsert',
      request: {
        group: group.trim(),
        ...(chosenCluster ? { clusterName: chosenCluster } : { brokerNames: chosen }),
        // editing sends only what the operator changed: brokers that differ keep their own other values
        ...(!existing || retryQueueNums !== initial.retryQueueNums ? { retryQueueNums: Number(retryQueueNums) } : {}),
        ...(!existing || retryMaxTimes !== initial.retryMaxTimes ? { retryMaxTimes: Number(retryMaxTimes) } : {}),
        ...Object.fromEntries(FLAGS.flatMap(([key]) => (!existing || flags[key] !== initial.flags[key] ? [[key, flags[key]]] : []))),
        ...(v5 ? retryPolicyRequest(policy) : {}),
      },
    });
  return (
    <ChangeModal title={existing ? t('editTitle', { group: existing }) : t('createTitle')} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={onClose} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} />
      ) : !brokers.data ? (
        <Spinner label={t('readingBrokers')} />
      ) : (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), submit())}>
          {!existing && (
            <label className="flex items-center gap-2">
              <span className="w-48 text-slate-600">{t('group')}</span>
              <input value={group} onChange={(e) => setGroup(e.target.value)} aria-label={t('groupName')} className={`${input} w-80 font-mono`} autoComplete="off" />
            </label>
          )}
          <WhereField clusters={clusters.map((c) => c.clusterName)} masters={masters.map((m) => m.brokerName)} cluster={chosenCluster} onCluster={setWhere} brokers={chosen} onBrokers={setChosen} labelClass="w-48" indentClass="pl-50" />
          <label className="flex items-center gap-2">
            <span className="w-48 text-slate-600">{t('retryQueues')}</span>
            <input inputMode="numeric" value={retryQueueNums} onChange={(e) => setRetryQueueNums(e.target.value)} aria-label="retryQueueNums" className={`${input} w-24 text-right`} />
          </label>
          <label className="flex items-center gap-2">
            <span className="w-48 text-slate-600">{t('maxRetries')}</span>
            <input inputMode="numeric" value={retryMaxTimes} onChange={(e) => setRetryMaxTimes(e.target.value)} aria-label="retryMaxTimes" className={`${input} w-24 text-right`} />
          </label>
          {FLAGS.map(([key]) => (
            <label key={key} className="flex items-center gap-2">
              <span className="w-48 text-slate-600">{t(key)}</span>
              <input type="checkbox" checked={flags[key]} onChange={(e) => setFlags({ ...flags, [key]: e.target.checked })} aria-label={key} />
            </label>
          ))}
          {v5 && <RetryPolicyField form={policy} onChange={setPolicy} current={first?.retryPolicyText} />}
          <PlanFormFooter error={preview.error} pending={preview.isPending} onCancel={onClose} />
        </form>
      )}
    </ChangeModal>
  );
}

/** Delete a group: with or without its offsets (without can be undone), then the plan to confirm. */
export function GroupDeleteDialog({ group, onClose, onDeleted }: { group: string; onClose: () => void; onDeleted?: () => void }) {
  const t = useTranslations('groups.change');
  const cluster = useCluster();
  const preview = useChangePreview(cluster);
  const [cleanOffset, setCleanOffset] = useState(false);
  const [result, setResult] = useState<ChangeResult | undefined>();
  return (
    <ChangeModal title={t('deleteTitle', { group })} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={() => (result.status === 'completed' && onDeleted ? onDeleted() : onClose())} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} />
      ) : (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), preview.mutate({ action: 'group.delete', request: { group, cleanOffset } }))}>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={cleanOffset} onChange={(e) => setCleanOffset(e.target.checked)} aria-label={t('alsoDeleteOffsets')} />
            {t('alsoDeleteOffsetsText')}
          </label>
          <PlanFormFooter error={preview.error} pending={preview.isPending} onCancel={onClose} errorTitle={t('cannotPlanDeletion')} />
        </form>
      )}
    </ChangeModal>
  );
}
