'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ChannelView, Delivery } from '@/lib/console/alerts/notify/types';
import { useChannels, useDeleteChannel, useDeliveries, useTestChannel } from '../api/alerts';
import { errorText } from '../api/client';
import { useCan } from '../api/session';
import { formatDuration } from '../format';
import { useCluster } from '../useCluster';
import { Badge, SeverityBadge } from '../ui/Badge';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { ChannelDialog, channelLabel } from './ChannelDialog';
import type { AlertsT } from './format';

const button = 'rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50';
const th = 'px-3 py-2';
const td = 'px-3 py-1.5';
const STATUS_TONE: Readonly<Record<Delivery['status'], string>> = {
  sent: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  failed: 'bg-red-50 text-red-700 ring-red-200',
  queued: 'bg-amber-50 text-amber-800 ring-amber-200',
  sending: 'bg-sky-50 text-sky-700 ring-sky-200',
};

export function DeliveryStatus({ d }: { d: Pick<Delivery, 'status'> }) {
  const t = useTranslations('alerts');
  return <span data-testid="delivery-status"><Badge tone={STATUS_TONE[d.status]}>{t(`status.${d.status}`)}</Badge></span>;
}

/** Where a channel sends: the URL's host (its path and query may hold the robot's token), or the recipients. */
function destination(t: AlertsT, c: ChannelView): string {
  if (c.email) return t('channels.via', { to: c.email.to.join(', '), host: c.email.host, port: String(c.email.port) });
  try {
    return new URL(c.url ?? '').host;
  } catch {
    return c.url ?? '';
  }
}

/** Where alerts are sent, with a "Send test" that shows the receiver's answer in the row. */
export function Channels() {
  const cluster = useCluster();
  const query = useChannels(cluster);
  const canEdit = useCan(cluster, 'alert:rules');
  const remove = useDeleteChannel(cluster);
  const test = useTestChannel(cluster);
  const [tested, setTested] = useState<Record<string, Delivery | string>>({});
  const [editing, setEditing] = useState<ChannelView | 'new' | undefined>();
  const t = useTranslations('alerts');
  const channels = query.data?.channels;
  return (
    <Card
      title={t('channels.title')}
      className="mb-5"
      actions={<DisabledReasonButton className={button} disabledReason={canEdit.reason} testId="new-channel" onClick={() => setEditing('new')}>{t('channels.newChannel')}</DisabledReasonButton>}
    >
      {query.error && <div className="p-4"><ErrorState message={query.error.message} /></div>}
      {!channels && !query.error && <div className="px-4"><Spinner /></div>}
      {channels && channels.length === 0 && (
        <div className="p-4"><EmptyState title={t('channels.emptyTitle')}>{t('channels.emptyBody')}</EmptyState></div>
      )}
      {channels && channels.length > 0 && (
        <table className="min-w-full text-sm" data-testid="channels">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className={th}>{t('channels.name')}</th><th className={th}>{t('channels.kind')}</th><th className={th}>{t('channels.sendsTo')}</th><th className={th}>{t('channels.alerts')}</th><th className={`${th} text-right`}>{t('channels.atMostEvery')}</th><th className={th}>{t('channels.lastTest')}</th><th className={th} /></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {channels.map((c) => {
              const last = tested[c.id];
              return (
                <tr key={c.id} data-testid="channel-row" data-channel={c.id}>
                  <td className={td}><span className="font-medium">{c.name}</span>{!c.enabled && <span className="ml-1 text-xs text-slate-500">{t('channels.disabled')}</span>}</td>
                  <td className={td}>{channelLabel(t, c.kind)}{c.secretSet && <span className="ml-1 text-xs text-slate-500">{t('channels.signed')}</span>}</td>
                  <td className={`${td} font-mono text-xs`}>{destination(t, c)}</td>
                  <td className={td}><SeverityBadge severity={c.minSeverity} /> {t('channels.orWorse')}{c.ruleIds ? t('channels.ruleCount', { count: c.ruleIds.length }) : ''}{c.sendResolved ? t('channels.resolvedToo') : ''}</td>
                  <td className={`${td} text-right tabular-nums`}>{c.minIntervalMs === 0 ? t('channels.noLimit') : formatDuration(c.minIntervalMs)}</td>
                  <td className={`${td} max-w-xs`} data-testid="channel-test-result">
                    {last === undefined ? <span className="text-slate-400">—</span> : typeof last === 'string' ? <span className="text-red-700">{last}</span> : (
                      <span className="flex flex-col gap-0.5">
                        <span><DeliveryStatus d={last} /></span>
                        <span className="break-words text-xs text-slate-600">{last.lastError ?? last.lastAnswer}</span>
                      </span>
                    )}
                  </td>
                  <td className={`${td} whitespace-nowrap text-right`}>
                    <DisabledReasonButton
                      className={button}
                      disabledReason={canEdit.reason ?? (test.isPending && test.variables === c.id ? t('channels.sendingReason') : undefined)}
                      testId="test-channel"
                      onClick={() => test.mutate(c.id, { onSuccess: (d) => setTested((was) => ({ ...was, [c.id]: d })), onError: (e) => setTested((was) => ({ ...was, [c.id]: errorText(e) })) })}
                    >
                      {test.isPending && test.variables === c.id ? t('channels.sending') : t('channels.sendTest')}
                    </DisabledReasonButton>{' '}
                    <DisabledReasonButton className={button} disabledReason={canEdit.reason} testId="edit-channel" onClick={() => setEditing(c)}>{t('channels.edit')}</DisabledReasonButton>{' '}
                    <DisabledReasonButton className={button} disabledReason={canEdit.reason} testId="delete-channel" onClick={() => window.confirm(t('channels.confirmDelete', { name: c.name })) && remove.mutate(c.id)}>{t('channels.delete')}</DisabledReasonButton>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing && <ChannelDialog channel={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}

/** Messages sent, queued for a retry or the channel's interval, and failed, with the receiver's answer. */
export function Deliveries() {
  const cluster = useCluster();
  const query = useDeliveries(cluster);
  const names = new Map((useChannels(cluster).data?.channels ?? []).map((c) => [c.id, c.name]));
  const t = useTranslations('alerts');
  const deliveries = query.data?.deliveries;
  if (!deliveries || deliveries.length === 0) return null;
  return (
    <Card title={t('deliveries.title')} className="mb-5">
      <table className="min-w-full text-sm" data-testid="deliveries">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr><th className={th}>{t('deliveries.made')}</th><th className={th}>{t('deliveries.channel')}</th><th className={th}>{t('deliveries.status')}</th><th className={`${th} text-right`}>{t('deliveries.alerts')}</th><th className={`${th} text-right`}>{t('deliveries.attempts')}</th><th className={th}>{t('deliveries.answer')}</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((d) => {
            const n = d.notification;
            const firing = n.items.filter((i) => i.phase === 'firing').length;
            return (
              <tr key={d.id} data-testid="delivery-row">
                <td className={td}><Timestamp ms={d.createdAt} /></td>
                <td className={td}>{names.get(d.channelId) ?? d.channelId}</td>
                <td className={td}>
                  <DeliveryStatus d={d} />
                  {d.status === 'queued' && <span className="ml-1 text-xs text-slate-500">{t.rich('deliveries.next', { time: () => <Timestamp ms={d.dueAt} /> })}</span>}
                </td>
                <td className={`${td} text-right tabular-nums`}>{n.test ? t('deliveries.test') : `${t('deliveries.counts', { firing, resolved: n.items.length - firing })}${n.omitted ? ` +${n.omitted}` : ''}`}</td>
                <td className={`${td} text-right tabular-nums`}>{d.attempts}</td>
                <td className={`${td} max-w-md break-words text-xs text-slate-600`}>{d.lastError ? <span className="text-red-700">{d.lastError}</span> : null}{d.lastError && d.lastAnswer ? ': ' : ''}{d.lastAnswer}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
