'use client';

import { useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { parseAsInteger, useQueryState } from 'nuqs';
import type { QueueLag } from '@/lib/console/lag/types';
import { isNotFound } from '../api/client';
import { groupKeys, useGroupClients, useGroupConnections, useGroupOverview, useGroupProgress } from '../api/groups';
import type { GroupProgress } from '@/lib/console/groups/progress';
import { useCan } from '../api/session';
import { DeadLetters } from './DeadLetters';
import { paths } from '../paths';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { useCluster } from '../useCluster';
import { URL_STATE_OPTIONS } from '../urlState';
import { formatCount, formatDuration, formatTps } from '../format';
import { Badge } from '../ui/Badge';
import { DataTable } from '../ui/DataTable';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { DrainText, LagAge, LagNumber, ModelBadge } from './badges';
import { LagChart } from './LagChart';
import { ThreadStacks } from './ThreadStacks';
import { Diagnosis } from './Diagnosis';

// the change dialogs (reset with its preview, edit, delete) open on a click: their code is fetched then, not with the page
const ResetDialog = dynamic(() => import('../reset/ResetDialog').then((m) => m.ResetDialog), { ssr: false });
const GroupUpsertDialog = dynamic(() => import('./GroupChangeDialog').then((m) => m.GroupUpsertDialog), { ssr: false });
const GroupDeleteDialog = dynamic(() => import('./GroupChangeDialog').then((m) => m.GroupDeleteDialog), { ssr: false });

function progressColumns(cluster: string, asOf: number, v5: boolean, t: ReturnType<typeof useTranslations<'groups.detail'>>): Array<ColumnDef<QueueLag, unknown>> {
  const cols: Array<ColumnDef<QueueLag, unknown>> = [
    { accessorKey: 'topic', header: t('topic'), cell: ({ row }) => <Link className="text-blue-700 hover:underline" href={paths.topic(cluster, row.original.topic)}>{row.original.topic}</Link> },
    { accessorKey: 'brokerName', header: t('broker') },
    { accessorKey: 'queueId', header: t('queue'), meta: { numeric: true } },
    { accessorKey: 'brokerOffset', header: t('brokerOffset'), meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.brokerOffset) },
    { accessorKey: 'consumerOffset', header: t('consumerOffset'), meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.consumerOffset) },
    { accessorKey: 'lag', header: t('lag'), meta: { numeric: true }, cell: ({ row }) => <LagNumber lag={row.original.lag} /> },
  ];
  if (v5) cols.push({ accessorKey: 'inflight', header: t('inFlight'), meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.inflight) });
  cols.push(
    {
      id: 'drainRate',
      accessorFn: (q) => q.drainRate ?? 0,
      header: t('netDrain'),
      meta: { numeric: true },
      cell: ({ row }) => (row.original.drainRate === undefined ? '—' : <span className={row.original.drainRate < 0 ? 'text-red-700' : ''}>{row.original.drainRate.toFixed(2)}</span>),
    },
    {
      id: 'age',
      accessorFn: (q) => (q.oldestUnconsumedTimestamp ? asOf - q.oldestUnconsumedTimestamp : -1),
      header: t('oldestUnconsumed'),
      meta: { numeric: true },
      cell: ({ row }) => <LagAge ms={row.original.oldestUnconsumedTimestamp ? asOf - row.original.oldestUnconsumedTimestamp : undefined} />,
    },
    { accessorKey: 'lastTimestamp', header: t('lastConsumed'), cell: ({ row }) => <Timestamp ms={row.original.lastTimestamp} compact /> },
  );
  return cols;
}

function Tile({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-0.5 text-lg font-semibold leading-tight tabular-nums" data-testid={testId}>{children}</div>
    </div>
  );
}

export function GroupDetailView({ group }: { group: string }) {
  const t = useTranslations('groups.detail');
  const cluster = useCluster();
  const queryClient = useQueryClient();
  const [resetting, setResetting] = useState(false);
  // a notification's link: the group page at the moment its alert fired
  const [alertAt] = useQueryState('alertAt', parseAsInteger);
  // the command palette's "Reset <group> to <time> — preview": the reset dialog opens with that time
  const [resetAt, setResetAt] = useQueryState('resetAt', parseAsInteger.withOptions(URL_STATE_OPTIONS));
  const overview = useGroupOverview(cluster, group);
  const connections = useGroupConnections(cluster, group);
  const broadcasting = (connections.data?.messageModel ?? overview.data?.messageModel) === 'BROADCASTING';
  const progress = useGroupProgress(cluster, group, connections.isSuccess);
  const clients = useGroupClients(cluster, group, Boolean(connections.data?.online));
  const canReset = useCan(cluster, 'offset:reset');
  const canChange = useCan(cluster, 'cluster:change');
  const router = useRouter();
  const [changing, setChanging] = useState<'edit' | 'delete' | undefined>();
  const notFound = [overview.error, connections.error].find(isNotFound);
  if (notFound) return <ErrorState title={t('notFound')} message={notFound.message} />;
  const p = progress.data;
  const v5 = Boolean(p?.queues.some((q) => q.inflight !== undefined)) && !connections.data?.viaProxy;
  // a broadcasting group's backlog is per client: the worst client is what an operator watches
  const worstClientLag = clients.data ? Math.max(0, ...clients.data.clients.map((c) => c.queues.reduce((n, q) => n + (q.lag ?? 0), 0))) : undefined;
  return (
    <div>
      {changing === 'edit' && overview.data && <GroupUpsertDialog group={group} overview={overview.data} onClose={() => setChanging(undefined)} />}
      {changing === 'delete' && <GroupDeleteDialog group={group} onClose={() => setChanging(undefined)} onDeleted={() => router.push(paths.groups(cluster))} />}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2 text-sm">
          <ModelBadge model={connections.data?.messageModel ?? overview.data?.messageModel} />
          {overview.data?.configs.some((c) => c.consumeMessageOrderly) && <Badge>{t('orderly')}</Badge>}
          {connections.data && (connections.data.online ? <Badge tone="bg-emerald-50 text-emerald-700 ring-emerald-200">{t('online', { count: String(connections.data.clients.length) })}</Badge> : <Badge tone="bg-slate-100 text-slate-500 ring-slate-200">{t('offline')}</Badge>)}
        </div>
        <div className="flex items-center gap-3">
        <Link href={paths.audit(cluster, { group })} className="text-sm text-blue-700 hover:underline">{t('auditLog')}</Link>
        <DisabledReasonButton onClick={() => setChanging('edit')} disabledReason={canChange.reason ?? (overview.data ? undefined : t('readingGroup'))} testId="edit-group" className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50">
          {t('edit')}
        </DisabledReasonButton>
        <DisabledReasonButton onClick={() => setChanging('delete')} disabledReason={canChange.reason} testId="delete-group" className="rounded border border-red-300 bg-white px-2.5 py-1 text-sm font-medium text-red-700 shadow-sm hover:bg-red-50">
          {t('delete')}
        </DisabledReasonButton>
        <DisabledReasonButton
          onClick={() => setResetting(true)}
          disabledReason={
            canReset.reason ??
            (broadcasting ? t('broadcastingNoReset') : !p ? t('readingOffsets') : p.queues.length === 0 ? t('noOffsetsToReset') : undefined)
          }
          testId="reset-button"
          className="rounded border border-red-300 bg-white px-2.5 py-1 text-sm font-medium text-red-700 shadow-sm hover:bg-red-50"
        >
          {t('resetOffsets')}
        </DisabledReasonButton>
        <RefreshBar
          asOf={p?.asOf}
          fetching={progress.isFetching || connections.isFetching}
          onRefresh={() => void queryClient.invalidateQueries({ queryKey: groupKeys.detail(cluster, group) })}
        />
        </div>
      </div>
      {(resetting || (resetAt !== null && canReset.allowed && !broadcasting)) && p && (
        <ResetDialog
          group={group}
          queues={p.queues}
          initialTime={resetAt ?? undefined}
          onClose={() => {
            setResetting(false);
            void setResetAt(null);
          }}
        />
      )}
      {p && <PartialFailures failures={p.failures} />}
      {broadcasting && (
        <div className="mb-4 rounded-lg border border-violet-200 bg-violet-50 px-4 py-3 text-sm text-violet-900" data-testid="broadcast-note">
          <div className="font-medium">{t('broadcastTitle')}</div>
          {t('broadcastNote')}
        </div>
      )}
      <Diagnosis group={group} />
      {p?.popRates && <PopRates rates={p.popRates} />}
      <div className="mb-5 grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
        {broadcasting ? (
          <Tile label={t('lagWorstClient')} testId="total-lag">{worstClientLag === undefined ? '—' : <LagNumber lag={worstClientLag} />}</Tile>
        ) : (
          <Tile label={t('totalLag')} testId="total-lag">{p ? <LagNumber lag={p.totalLag} /> : '…'}</Tile>
        )}
        <Tile label={t('oldestUnconsumed')} testId="lag-age">{p ? <LagAge ms={p.oldestUnconsumedTimestamp ? p.asOf - p.oldestUnconsumedTimestamp : undefined} /> : '…'}</Tile>
        {!broadcasting && <Tile label={t('timeToDrain')} testId="drain">{p ? <DrainText drain={p.drain} lag={p.totalLag} /> : '…'}</Tile>}
        <Tile label={t('consumeTps')}>{p ? formatTps(p.consumeTps) : '…'}</Tile>
        {v5 && <Tile label={t('inFlight')}>{p ? formatCount(p.totalInflight) : '…'}</Tile>}
        <Tile label={t('clients')} testId="client-count">{connections.data ? formatCount(connections.data.clients.length) : '…'}</Tile>
        <Tile label={t('retryQueue')} testId="retry-count">{overview.data ? (overview.data.retry ? formatCount(overview.data.retry.messages) : t('none')) : '…'}</Tile>
        <Tile label={t('deadLetters')} testId="dlq-count">{overview.data ? (overview.data.dlq ? formatCount(overview.data.dlq.messages) : t('none')) : '…'}</Tile>
      </div>
      {broadcasting ? (
        <p className="mb-5 text-sm text-slate-600">{t('noLagHistory')}</p>
      ) : (
        <Card title={t('lagOverTime')} className="mb-5">
          {alertAt !== null && (
            <p className="border-b border-slate-200 bg-violet-50 px-4 py-2 text-sm text-violet-900" data-testid="alert-marker">
              {t.rich('openedFromAlert', { time: () => <Timestamp ms={alertAt} /> })}
            </p>
          )}
          <LagChart group={group} marker={alertAt === null ? undefined : { at: alertAt, label: t('alertFired') }} />
        </Card>
      )}
      {!broadcasting && (
        <Card id="group-progress" title={t('progress')} className="mb-5">
          {progress.error && <div className="p-4"><ErrorState message={progress.error.message} onRetry={() => void progress.refetch()} /></div>}
          {!p && !progress.error && <div className="px-4"><Spinner /></div>}
          {p && p.queues.length === 0 && <div className="p-4"><EmptyState title={t('noOffsets')}>{t('noOffsetsHint')}</EmptyState></div>}
          {p && p.queues.length > 0 && (
            <>
              <DataTable data={p.queues} columns={progressColumns(cluster, p.asOf, v5, t)} rowTestId="progress-row" getRowId={(q) => `${q.topic}-${q.brokerName}-${q.queueId}`} dense />
              <div className="flex justify-end gap-6 border-t border-slate-200 px-4 py-2 text-sm" data-testid="progress-totals">
                <span>{t('totalLag')} <strong className="tabular-nums">{formatCount(p.totalLag)}</strong></span>
                {v5 && <span>{t('inFlight')} <strong className="tabular-nums">{formatCount(p.totalInflight)}</strong></span>}
                <span>{t('consumeTps')} <strong className="tabular-nums">{formatTps(p.consumeTps)}</strong></span>
              </div>
            </>
          )}
        </Card>
      )}
      <DeadLetters group={group} changeBlocked={canChange.reason} />
      <div className="mb-5 grid gap-5 xl:grid-cols-2">
        <Card id="group-connections" title={t('onlineClients')}>
          {connections.error && <div className="p-4"><ErrorState message={connections.error.message} /></div>}
          {connections.data && !connections.data.online && <div className="p-4"><EmptyState title={t('noClient')}>{t('noClientHint')}</EmptyState></div>}
          {connections.data?.online && (
            <div className="text-sm">
              {connections.data.viaProxy && (
                <p className="border-b border-slate-200 bg-sky-50 px-3 py-2 text-sky-900" data-testid="via-proxy">
                  {t.rich('viaProxy', { proxy: connections.data.viaProxy, mono: (chunks) => <span className="font-mono">{chunks}</span> })}
                  {connections.data.consumeType === 'CONSUME_ACTIVELY' && t('simpleConsumer')}
                </p>
              )}
              <table className="min-w-full">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr><th className="px-3 py-2">{t('clientId')}</th><th className="px-3 py-2">{t('address')}</th><th className="px-3 py-2">{t('language')}</th><th className="px-3 py-2">{t('version')}</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {connections.data.clients.map((c) => (
                    <tr key={c.clientId} data-testid="client-row">
                      <td className="px-3 py-1.5 font-mono">{c.clientId}</td>
                      <td className="px-3 py-1.5 font-mono">{c.clientAddr}</td>
                      <td className="px-3 py-1.5">{c.language}{c.kind ? <span className="ml-1 text-xs text-slate-500">{c.kind}</span> : null}</td>
                      <td className="px-3 py-1.5">{c.version}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="border-t border-slate-200 px-3 py-2 text-slate-600">
                {connections.data.consumeType} · {connections.data.messageModel} · {connections.data.consumeFromWhere}
              </div>
              <table className="min-w-full border-t border-slate-200">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr><th className="px-3 py-2">{t('subscribedTopic')}</th><th className="px-3 py-2">{t('type')}</th><th className="px-3 py-2">{t('expression')}</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {connections.data.subscriptions.map((s) => (
                    <tr key={s.topic} data-testid="subscription-row">
                      <td className="px-3 py-1.5">{s.topic}</td>
                      <td className="px-3 py-1.5"><Badge>{s.expressionType}</Badge></td>
                      <td className="px-3 py-1.5 font-mono">{s.subString}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <Card id="group-config" title={t('configPerBroker')}>
          {overview.data && overview.data.configs.length === 0 && <div className="p-4"><EmptyState title={t('noConfig')} /></div>}
          {overview.data && overview.data.configs.length > 0 && (
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr><th className="px-3 py-2">{t('broker')}</th><th className="px-3 py-2">{t('consume')}</th><th className="px-3 py-2">{t('orderlyColumn')}</th><th className="px-3 py-2">{t('broadcastAllowed')}</th><th className="px-3 py-2 text-right">{t('maxRetries')}</th><th className="px-3 py-2">{t('retryPolicy')}</th><th className="px-3 py-2 text-right">{t('readFrom')}</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {overview.data.configs.map((c) => (
                  <tr key={c.brokerName} data-testid="group-config-row">
                    <td className="whitespace-nowrap px-3 py-1.5">{c.brokerName}</td>
                    <td className="px-3 py-1.5">{c.consumeEnable ? t('enabled') : <span className="text-red-700">{t('disabled')}</span>}</td>
                    <td className="px-3 py-1.5">{c.consumeMessageOrderly ? t('yes') : t('no')}</td>
                    <td className="px-3 py-1.5">{c.consumeBroadcastEnable ? t('yes') : t('no')}</td>
                    <td className="num px-3 py-1.5">{c.retryMaxTimes}</td>
                    <td className="px-3 py-1.5 font-mono text-xs">{c.retryPolicyText ?? <span className="font-sans text-slate-500" title={t('delayLevelsTitle')}>{t('delayLevels')}</span>}</td>
                    <td className="num px-3 py-1.5">brokerId {c.brokerId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {overview.data && (
            <div className="border-t border-slate-200 px-3 py-2 text-sm text-slate-600">
              {t('retryTopic')} {overview.data.retry ? <Link className="text-blue-700 hover:underline" href={paths.topic(cluster, overview.data.retry.topic)}>{overview.data.retry.topic}</Link> : t('none')} · {t('deadLetterTopic')}{' '}
              {overview.data.dlq ? <Link className="text-blue-700 hover:underline" href={paths.topic(cluster, overview.data.dlq.topic)}>{overview.data.dlq.topic}</Link> : t('none')}
            </div>
          )}
        </Card>
      </div>
      {connections.data?.online && (
        <Card id="group-clients" title={broadcasting ? t('offsetsOnEachClient') : t('whatEachClientReports')} className="mb-5">
          {clients.error && <div className="p-4"><ErrorState message={clients.error.message} /></div>}
          {!clients.data && !clients.error && <div className="px-4"><Spinner label={t('askingClients')} /></div>}
          {clients.data && clients.data.clients.length === 0 && connections.data?.viaProxy && (
            <p className="px-3 py-2 text-sm text-slate-600" data-testid="clients-via-proxy">
              {t('clientsViaProxy')}
            </p>
          )}
          {clients.data?.clients.map((c) => (
            <div key={c.clientId} className="border-b border-slate-200 last:border-0" data-testid="client-runtime">
              <div className="flex flex-wrap items-center gap-3 bg-slate-50 px-3 py-2 text-sm">
                <span className="font-mono font-medium">{c.clientId}</span>
                {c.error ? <span className="text-red-700">{c.error}</span> : (
                  <>
                    <span>{c.version}</span>
                    <span>{c.orderly ? t('orderly') : t('concurrent')}</span>
                    {c.startedAt && <span>{t('started')} <Timestamp ms={c.startedAt} /></span>}
                    {c.status.map((s) => (
                      <span key={s.topic} className="text-slate-600">{t('clientStatus', { topic: s.topic, ok: formatTps(s.consumeOKTPS), rt: s.consumeRT.toFixed(1) })}{s.consumeFailedTPS > 0 ? t('clientFailed', { failed: formatTps(s.consumeFailedTPS) }) : ''}</span>
                    ))}
                  </>
                )}
              </div>
              {c.queues.length > 0 && (
                <table className="min-w-full text-sm">
                  <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                    <tr><th className="px-3 py-1.5">{t('topic')}</th><th className="px-3 py-1.5">{t('broker')}</th><th className="px-3 py-1.5 text-right">{t('queue')}</th><th className="px-3 py-1.5 text-right">{t('clientOffset')}</th><th className="px-3 py-1.5 text-right">{t('brokerOffset')}</th><th className="px-3 py-1.5 text-right">{t('lag')}</th><th className="px-3 py-1.5 text-right">{t('cached')}</th></tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {c.queues.map((q) => (
                      <tr key={`${q.topic}-${q.brokerName}-${q.queueId}`} data-testid="client-queue-row">
                        <td className="px-3 py-1">{q.topic}</td>
                        <td className="px-3 py-1">{q.brokerName}</td>
                        <td className="num px-3 py-1">{q.queueId}</td>
                        <td className="num px-3 py-1">{formatCount(q.clientOffset)}</td>
                        <td className="num px-3 py-1">{formatCount(q.brokerOffset)}</td>
                        <td className="num px-3 py-1"><LagNumber lag={q.lag} /></td>
                        <td className="num px-3 py-1">{formatCount(q.cachedMsgCount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {!c.error && <ThreadStacks cluster={cluster} group={group} clientId={c.clientId} />}
            </div>
          ))}
        </Card>
      )}
      {p?.oldestUnconsumedTimestamp && (
        <p className="text-xs text-slate-500">{t.rich('oldestMessage', { time: () => <Timestamp ms={p.oldestUnconsumedTimestamp!} />, duration: formatDuration(p.asOf - p.oldestUnconsumedTimestamp) })}</p>
      )}
    </div>
  );
}

/** A POP group: what the masters count of its pops and acknowledgements, and what no broker tells (what is in flight). */
function PopRates({ rates }: { rates: NonNullable<GroupProgress['popRates']> }) {
  const t = useTranslations('groups.detail');
  const count = (w: { lastMinute: number; lastHour: number } | undefined, which: 'lastMinute' | 'lastHour') => (w ? formatCount(w[which]) : <span className="text-slate-400" title={t('noneCountedTitle')}>{t('noneCounted')}</span>);
  return (
    <div className="mb-4 rounded-lg border border-sky-200 bg-sky-50 text-sm text-sky-900" data-testid="pop-rates">
      <div className="px-4 pt-3 font-medium">{t('popTitle')}</div>
      <table className="mx-4 my-2 text-sm">
        <thead className="text-left text-xs uppercase tracking-wide text-sky-700">
          <tr><th className="py-1 pr-6">{t('topic')}</th><th className="py-1 pr-6 text-right">{t('poppedMinute')}</th><th className="py-1 pr-6 text-right">{t('ackedMinute')}</th><th className="py-1 pr-6 text-right">{t('poppedHour')}</th><th className="py-1 text-right">{t('ackedHour')}</th></tr>
        </thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r.topic} data-testid="pop-rate" data-topic={r.topic}>
              <td className="py-1 pr-6">{r.topic}</td>
              <td className="num py-1 pr-6">{count(r.popped, 'lastMinute')}</td>
              <td className="num py-1 pr-6" data-testid="acked-minute">{count(r.acked, 'lastMinute')}</td>
              <td className="num py-1 pr-6">{count(r.popped, 'lastHour')}</td>
              <td className="num py-1">{count(r.acked, 'lastHour')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="px-4 pb-3 text-xs">
        {t('popNote')}
      </p>
    </div>
  );
}
