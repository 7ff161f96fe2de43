'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import type { MessageDetail } from '@/lib/console/messages/detail';
import { messageBodyUrl, useMessageDetail } from '../api/messages';
import { useCan } from '../api/session';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { formatBytes, formatCount } from '../format';
import { Badge } from '../ui/Badge';
import { Card, EmptyState, ErrorState, PartialFailures } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { BatchNote } from './BatchNote';
import { ScheduleNote } from './ScheduleNote';
import { BodyView } from './BodyView';
import { GroupTracks } from './GroupTracks';
import { ResendDialog } from './ResendDialog';
import { DeadLetterNote } from '../dlq/DeadLetterNote';

/** Properties the client or broker sets; the others are the producer's user properties. */
const SYSTEM_PROPERTIES = new Set([
  'TAGS', 'KEYS', 'UNIQ_KEY', 'DELAY', 'WAIT', 'MIN_OFFSET', 'MAX_OFFSET', 'REAL_TOPIC', 'REAL_QID', 'TRAN_MSG', 'PGROUP', 'TIMER_DELIVER_MS',
  'TIMER_OUT_MS', 'TIMER_ROLL_TIMES', 'CONSUME_START_TIME', 'RETRY_TOPIC', 'ORIGIN_MESSAGE_ID', 'CLUSTER', 'TRACE_ON', 'MSG_REGION',
  'INNER_MULTI_DISPATCH', 'INNER_MULTI_QUEUE_OFFSET', 'MAX_RECONSUME_TIMES', 'TRANSACTION_CHECK_TIMES', 'CHECK_IMMUNITY_TIME_IN_SECONDS',
  '__SHARDINGKEY', 'bname', 'TIMER_ENQUEUE_MS', 'TIMER_DEQUEUE_MS', 'TIMER_DELAY_LEVEL', 'TIMER_DELAY_SEC', 'DELAY_TIME_LEVEL',
]);

/** A row of the system fields; name (the English label) marks it for tests in every language. */
function Field({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[11rem_1fr] gap-2 border-b border-slate-100 py-1.5 text-sm last:border-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-all" data-field={name}>{children}</dd>
    </div>
  );
}

export function MessageDetailView({ id, topic, initial, initialError }: { id: string; topic?: string; initial?: MessageDetail; initialError?: string }) {
  const t = useTranslations('messages.detail');
  const cluster = useCluster();
  const query = useMessageDetail(cluster, id, topic, initial);
  const canResend = useCan(cluster, 'message:resend');
  const [resendTo, setResendTo] = useState<string | undefined>();
  if (initialError) return <ErrorState title={t('notFound')} message={initialError} />;
  if (query.error && !query.data) return <ErrorState message={String(query.error.message)} onRetry={() => query.refetch()} />;
  const detail = query.data;
  if (!detail) return <EmptyState title={t('noMessage')} />;
  const m = detail.message;
  const userProps = Object.entries(m.properties).filter(([k]) => !SYSTEM_PROPERTIES.has(k));
  const sysProps = Object.entries(m.properties).filter(([k]) => SYSTEM_PROPERTIES.has(k));
  return (
    <div className="space-y-4">
      <PartialFailures failures={detail.failures} />
      <DeadLetterNote topic={m.topic} offsetMsgId={m.offsetMsgId} originalTopic={m.properties.RETRY_TOPIC} reconsumeTimes={m.reconsumeTimes} />
      {detail.schedule && <ScheduleNote schedule={detail.schedule} />}
      {detail.batch && <BatchNote batch={detail.batch} topic={m.topic} current={m.offsetMsgId} />}
      {detail.copies.length > 0 && (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('copies', { count: String(detail.copies.length + 1) })}
          {detail.copies.map((c) => (
            <Link key={c.offsetMsgId} className="mr-2 font-mono text-xs text-blue-700 hover:underline" href={paths.message(cluster, c.offsetMsgId)}>
              {c.offsetMsgId}
            </Link>
          ))}
        </p>
      )}
      <div className="grid gap-4 xl:grid-cols-2">
        <Card title={t('systemFields')} actions={<Link className="text-sm text-blue-700 hover:underline" href={paths.trace(cluster, m.msgId, m.topic)} data-testid="trace-link">{t('traceLink')}</Link>}>
          <dl>
            <Field name="Topic" label={t('topic')}><Link className="text-blue-700 hover:underline" href={paths.topic(cluster, m.topic)}>{m.topic}</Link></Field>
            <Field name="msgId" label={t('msgId')}><span className="font-mono text-xs">{m.msgId}</span>{m.uniqKey === undefined && <span className="ml-2 text-xs text-slate-500">{t('noUniqKey')}</span>}</Field>
            <Field name="offsetMsgId" label={t('offsetMsgId')}><span className="font-mono text-xs">{m.offsetMsgId}</span></Field>
            <Field name="Tags" label={t('tags')}>{m.tags ?? <span className="text-slate-400">—</span>}</Field>
            <Field name="Keys" label={t('keys')}><span className="font-mono text-xs">{m.keys.join(' ') || '—'}</span></Field>
            <Field name="Queue" label={t('queue')}>{t('queueLine', { brokerName: m.brokerName, queueId: String(m.queueId) })}<span className="tabular-nums">{formatCount(m.queueOffset)}</span></Field>
            <Field name="Commit-log offset" label={t('commitLogOffset')}><span className="tabular-nums">{formatCount(m.commitLogOffset)}</span></Field>
            <Field name="Born" label={t('born')}><Timestamp ms={m.bornTimestamp} /> <span className="ml-2 font-mono text-xs text-slate-600">{m.bornHost}</span></Field>
            <Field name="Stored" label={t('stored')}><Timestamp ms={m.storeTimestamp} /> <span className="ml-2 font-mono text-xs text-slate-600">{m.storeHost}</span></Field>
            <Field name="Reconsume times" label={t('reconsumeTimes')}><span className="tabular-nums">{m.reconsumeTimes}</span></Field>
            <Field name="System flag" label={t('sysFlag')}>
              <span className="mr-2 tabular-nums">{m.sysFlag}</span>
              {m.compressed && <Badge tone="bg-blue-50 text-blue-800 ring-blue-200">{m.compressionType ? t('compressedAs', { type: m.compressionType }) : t('compressed')}</Badge>}{' '}
              {m.transactionType !== 'NOT_TYPE' && <Badge tone="bg-purple-50 text-purple-800 ring-purple-200">{t('transaction', { type: m.transactionType })}</Badge>}{' '}
              {(m.bornHostV6 || m.storeHostV6) && <Badge>{t('ipv6')}</Badge>}
              {!m.compressed && m.transactionType === 'NOT_TYPE' && <span className="text-xs text-slate-500">{t('plain')}</span>}
            </Field>
            <Field name="Body size" label={t('bodySize')}>{formatBytes(m.body.size)}</Field>
          </dl>
        </Card>
        <Card title={t('properties')}>
          <table className="w-full text-sm" data-testid="properties">
            <tbody>
              {[...userProps, ...sysProps].map(([k, v]) => (
                <tr key={k} data-prop={k} className="border-b border-slate-100 last:border-0">
                  <td className="w-48 py-1 pr-3 align-top font-mono text-xs">
                    {k}
                    {SYSTEM_PROPERTIES.has(k) ? '' : <span className="ml-1 text-[10px] uppercase text-slate-400">{t('user')}</span>}
                  </td>
                  <td className="break-all py-1 font-mono text-xs">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
      <Card title={t('body')}>
        <BodyView body={m.body} downloadHref={messageBodyUrl(cluster, m.offsetMsgId)} />
      </Card>
      <Card title={t('groups')}>
        {detail.schedule && detail.schedule.state === 'waiting' && m.topic !== detail.schedule.realTopic ? (
          <p className="px-4 py-3 text-sm text-slate-600" data-testid="groups-after-delivery">
            {t('waitsIn', { topic: m.topic, realTopic: detail.schedule.realTopic })}
          </p>
        ) : detail.groups.length === 0 ? (
          <EmptyState title={t('noGroupTitle')}>{t('noGroupHint')}</EmptyState>
        ) : (
          <GroupTracks tracks={detail.groups} queueOffset={m.queueOffset} onResend={setResendTo} resendBlocked={canResend.reason} />
        )}
      </Card>
      {resendTo && <ResendDialog msgId={m.msgId} topic={m.topic} group={resendTo} onClose={() => setResendTo(undefined)} />}
    </div>
  );
}
