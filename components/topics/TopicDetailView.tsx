'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { QueueStats } from '@/lib/rocketmq/get-topic-stats-info';
import type { TopicRoute, TopicStatus } from '@/lib/console/topics/detail';
import { LagNumber, ModelBadge } from '../groups/badges';
import { topicKeys, useTopicGroups, useTopicRoute, useTopicStatus } from '../api/topics';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { formatCount } from '../format';
import { Badge } from '../ui/Badge';
import { DataTable } from '../ui/DataTable';
import { Pager } from '../ui/Pager';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { useCan } from '../api/session';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { TopicDeleteDialog, TopicUpsertDialog } from './TopicChangeDialog';
import { SendMessageDialog } from './SendMessageDialog';
import { FilterTest } from './FilterTest';

const queueColumns = (t: ReturnType<typeof useTranslations<'topics.detail'>>): Array<ColumnDef<QueueStats & { earliestStoreTime?: number }, unknown>> => [
  { accessorKey: 'brokerName', header: t('broker') },
  { accessorKey: 'queueId', header: t('queue'), meta: { numeric: true } },
  { accessorKey: 'minOffset', header: t('minOffset'), meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.minOffset) },
  { accessorKey: 'maxOffset', header: t('maxOffset'), meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.maxOffset) },
  { id: 'messages', accessorFn: (q) => q.maxOffset - q.minOffset, header: t('messages'), meta: { numeric: true }, cell: ({ getValue }) => formatCount(getValue() as number) },
  { id: 'oldest', accessorFn: (q) => q.earliestStoreTime ?? 0, header: t('oldestStoredColumn'), cell: ({ row }) => <Timestamp ms={row.original.earliestStoreTime} compact /> },
  { accessorKey: 'lastUpdateTimestamp', header: t('lastUpdated'), cell: ({ row }) => <Timestamp ms={row.original.lastUpdateTimestamp} /> },
];

export function TopicDetailView({ topic, initialRoute, initialStatus, initialError }: { topic: string; initialRoute?: TopicRoute; initialStatus?: TopicStatus; initialError?: string }) {
  const t = useTranslations('topics.detail');
  const cluster = useCluster();
  const queryClient = useQueryClient();
  const route = useTopicRoute(cluster, topic, initialRoute);
  const status = useTopicStatus(cluster, topic, initialStatus);
  const groups = useTopicGroups(cluster, topic);
  const canChange = useCan(cluster, 'cluster:change');
  const router = useRouter();
  const [dialog, setDialog] = useState<'edit' | 'delete' | 'send' | undefined>();
  const [groupToTest, setGroupToTest] = useState<{ group: string; nonce: number } | undefined>();
  const error = route.error ?? status.error;
  if (!route.data && (error || initialError)) return <ErrorState message={error?.message ?? initialError ?? ''} onRetry={() => void route.refetch()} />;
  if (!route.data) return <Spinner />;
  const r = route.data;
  const s = status.data;
  return (
    <div>
      <div className="mb-4 flex items-center justify-between">
        <div className="flex items-center gap-2 text-sm text-slate-600">
          {r.orderTopicConf && <Badge title={t('orderConfTitle')}>{`orderConf ${r.orderTopicConf}`}</Badge>}
        </div>
        <div className="flex items-center gap-3">
          <Link href={paths.audit(cluster, { topic })} className="text-sm text-blue-700 hover:underline">{t('auditLog')}</Link>
          <DisabledReasonButton onClick={() => setDialog('send')} disabledReason={canChange.reason} testId="send-message" className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50">
            {t('sendMessage')}
          </DisabledReasonButton>
          <DisabledReasonButton onClick={() => setDialog('edit')} disabledReason={canChange.reason} testId="edit-topic" className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50">
            {t('edit')}
          </DisabledReasonButton>
          <DisabledReasonButton onClick={() => setDialog('delete')} disabledReason={canChange.reason} testId="delete-topic" className="rounded border border-red-300 bg-white px-2.5 py-1 text-sm font-medium text-red-700 shadow-sm hover:bg-red-50">
            {t('delete')}
          </DisabledReasonButton>
          <RefreshBar
            asOf={s?.asOf ?? r.asOf}
            fetching={route.isFetching || status.isFetching}
            onRefresh={() => void queryClient.invalidateQueries({ queryKey: topicKeys.detail(cluster, topic) })}
          />
        </div>
      </div>
      {dialog === 'send' && <SendMessageDialog topic={topic} route={r} onClose={() => setDialog(undefined)} />}
      {dialog === 'edit' && <TopicUpsertDialog topic={topic} route={r} onClose={() => setDialog(undefined)} />}
      {dialog === 'delete' && <TopicDeleteDialog topic={topic} onClose={() => setDialog(undefined)} onDeleted={() => router.push(paths.topics(cluster))} />}
      {(r.type === 'PRIORITY' || r.type === 'LITE') && <NewTypeNote type={r.type} />}
      {s && <PartialFailures failures={s.failures} />}
      <div className="mb-5 grid gap-5 lg:grid-cols-2">
        <Card title={t('routeBrokers')}>
          <table className="min-w-full text-sm" data-testid="route-brokers">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">{t('broker')}</th>
                <th className="px-3 py-2">{t('cluster')}</th>
                <th className="px-3 py-2">{t('brokerIdAddress')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.brokers.map((b) => (
                <tr key={b.brokerName} data-testid="route-broker-row">
                  <td className="px-3 py-2 font-medium">{b.brokerName}</td>
                  <td className="px-3 py-2">{b.cluster}</td>
                  <td className="px-3 py-2">
                    {Object.entries(b.addrs).map(([id, addr]) => (
                      <div key={id} className="font-mono">
                        <span className="text-slate-500">{id}</span> →{' '}
                        <Link className="text-blue-700 hover:underline" href={paths.broker(cluster, addr)}>{addr}</Link>
                        <span className="ml-1 text-xs text-slate-500">{id === '0' ? t('master') : t('slave')}</span>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t('routeQueues')}>
          <table className="min-w-full text-sm" data-testid="route-queues">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">{t('broker')}</th>
                <th className="px-3 py-2 text-right">{t('readQueues')}</th>
                <th className="px-3 py-2 text-right">{t('writeQueues')}</th>
                <th className="px-3 py-2">{t('perm')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {r.queues.map((q) => (
                <tr key={q.brokerName} data-testid="route-queue-row">
                  <td className="px-3 py-2 font-medium">{q.brokerName}</td>
                  <td className="num px-3 py-2">{formatCount(q.readQueueNums)}</td>
                  <td className="num px-3 py-2">{formatCount(q.writeQueueNums)}</td>
                  <td className="px-3 py-2 font-mono" title={t('permTitle', { perm: String(q.perm) })}>{q.permText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
      <Card title={t('groups')} className="mb-5">
        {groups.error && <div className="p-4"><ErrorState message={groups.error.message} /></div>}
        {!groups.data && !groups.error && <div className="px-4"><Spinner /></div>}
        {groups.data && groups.data.groups.length === 0 && <div className="p-4"><EmptyState title={t('noGroup')} /></div>}
        {groups.data && groups.data.groups.length > 0 && (
          <table className="min-w-full text-sm" data-testid="topic-groups">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">{t('group')}</th>
                <th className="px-3 py-2">{t('model')}</th>
                <th className="px-3 py-2 text-right">{t('clients')}</th>
                <th className="px-3 py-2 text-right">{t('lagOnTopic')}</th>
                <th className="px-3 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {groups.data.groups.map((g) => (
                <tr key={g.group} data-testid="topic-group-row">
                  <td className="px-3 py-1.5"><Link className="text-blue-700 hover:underline" href={paths.group(cluster, g.group)}>{g.group}</Link></td>
                  <td className="px-3 py-1.5"><ModelBadge model={g.messageModel} /></td>
                  <td className="num px-3 py-1.5">{g.clients === undefined ? '—' : formatCount(g.clients)}</td>
                  <td className="num px-3 py-1.5">{g.lag === undefined ? <span className="text-slate-400" title={t('onClientsTitle')}>{t('onClients')}</span> : <LagNumber lag={g.lag} />}</td>
                  <td className="px-3 py-1.5 text-right">
                    {g.clients ? (
                      <button type="button" className="text-xs text-blue-700 hover:underline" onClick={() => setGroupToTest({ group: g.group, nonce: Date.now() })} data-testid="test-subscription">
                        {t('testSubscription')}
                      </button>
                    ) : (
                      <span className="text-xs text-slate-400" title={t('offlineTitle')}>{t('offline')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <FilterTest topic={topic} groupToTest={groupToTest} />
      <Card
        title={s ? t('queuesKept', { count: formatCount(s.totals.messages) }) : t('queues')}
        actions={
          s?.totals.lastUpdateTimestamp ? (
            <span className="text-xs text-slate-500" data-testid="topic-window">
              {s.totals.earliestStoreTime ? (
                <>
                  {t('oldestStored')} <Timestamp ms={s.totals.earliestStoreTime} /> ·{' '}
                </>
              ) : null}
              {t('lastWrite')} <Timestamp ms={s.totals.lastUpdateTimestamp} />
            </span>
          ) : undefined
        }
      >
        {status.error && !s && <div className="p-4"><ErrorState message={status.error.message} /></div>}
        {!s && !status.error && <div className="px-4"><Spinner /></div>}
        {s && s.queues.length === 0 && <div className="p-4"><EmptyState title={t('noQueue')} /></div>}
        {s && s.queues.length > 0 && (
          <QueueTable queues={s.queues} />
        )}
      </Card>
    </div>
  );
}

/**
 * The queues of the status, a page at a time past 100: a topic of 256 queues on each master is 512 rows, each with
 * two ticking times, which the page would otherwise render and re-render at once.
 */
function QueueTable({ queues }: { queues: TopicStatus['queues'] }) {
  const t = useTranslations('topics.detail');
  const columns = queueColumns(t);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(100);
  if (queues.length <= 100) return <DataTable data={queues} columns={columns} rowTestId="queue-row" getRowId={(q) => `${q.brokerName}-${q.queueId}`} dense />;
  const last = Math.max(1, Math.ceil(queues.length / pageSize));
  const current = Math.min(page, last);
  return (
    <>
      <DataTable data={queues.slice((current - 1) * pageSize, current * pageSize)} columns={columns} rowTestId="queue-row" getRowId={(q) => `${q.brokerName}-${q.queueId}`} dense />
      <Pager page={current} pageSize={pageSize} total={queues.length} onPage={setPage} onPageSize={(size) => { setPageSize(size); setPage(1); }} sizes={[100, 200, 500]} />
    </>
  );
}

/** 5.5's new topic types: what the console shows of them and what it cannot do yet. */
function NewTypeNote({ type }: { type: 'PRIORITY' | 'LITE' }) {
  const t = useTranslations('topics.detail');
  return (
    <p className="mb-4 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="new-type-note">
      {type === 'PRIORITY' ? t('priorityNote') : t('liteNote')}
    </p>
  );
}
