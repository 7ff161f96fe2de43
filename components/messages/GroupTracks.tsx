'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { GroupTrack, TrackType } from '@/lib/console/messages/tracks';
import { formatCount } from '../format';
import { Badge } from '../ui/Badge';
import { DataTable } from '../ui/DataTable';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { paths } from '../paths';
import { useCluster } from '../useCluster';

/** Each standing's colour and its key in the messages.tracks catalog (the title is the key + 'Title'). */
const TRACK: Record<TrackType, { label: 'consumed' | 'filtered' | 'notYet' | 'notOnline' | 'broadcasting' | 'pull' | 'unknown'; tone: string }> = {
  CONSUMED: { label: 'consumed', tone: 'bg-green-50 text-green-800 ring-green-200' },
  CONSUMED_BUT_FILTERED: { label: 'filtered', tone: 'bg-slate-100 text-slate-700 ring-slate-300' },
  NOT_CONSUME_YET: { label: 'notYet', tone: 'bg-amber-50 text-amber-900 ring-amber-200' },
  NOT_ONLINE: { label: 'notOnline', tone: 'bg-slate-100 text-slate-600 ring-slate-300' },
  CONSUME_BROADCASTING: { label: 'broadcasting', tone: 'bg-purple-50 text-purple-800 ring-purple-200' },
  PULL: { label: 'pull', tone: 'bg-slate-100 text-slate-700 ring-slate-300' },
  UNKNOWN: { label: 'unknown', tone: 'bg-red-50 text-red-800 ring-red-200' },
};

export function TrackBadge({ track }: { track: TrackType }) {
  const t = useTranslations('messages.tracks');
  const { label, tone } = TRACK[track];
  return <Badge tone={tone} title={t(`${label}Title`)}>{t(label)}</Badge>;
}

/** Each group consuming the topic and where it stands with the message; a resend goes to an online one. */
export function GroupTracks({ tracks, queueOffset, onResend, resendBlocked }: { tracks: GroupTrack[]; queueOffset: number; onResend: (group: string) => void; resendBlocked?: string }) {
  const t = useTranslations('messages.tracks');
  const cluster = useCluster();
  const columns: Array<ColumnDef<GroupTrack, unknown>> = [
    { accessorKey: 'group', header: t('group'), cell: ({ row }) => <Link className="text-blue-700 hover:underline" href={paths.group(cluster, row.original.group)}>{row.original.group}</Link> },
    {
      accessorKey: 'trackType',
      header: t('standing'),
      cell: ({ row }) => (
        <span className="flex items-center gap-2">
          <TrackBadge track={row.original.trackType} />
          {row.original.trackType === 'NOT_ONLINE' && row.original.pastMessage !== undefined && (
            <span className="text-xs text-slate-500">{row.original.pastMessage ? t('pastIt') : t('notPastIt')}</span>
          )}
          {row.original.error && <span className="text-xs text-red-700">{row.original.error}</span>}
        </span>
      ),
    },
    {
      accessorKey: 'consumerOffset',
      header: t('consumerOffset'),
      meta: { numeric: true },
      cell: ({ row }) => (row.original.consumerOffset === undefined ? <span className="text-slate-400">—</span> : formatCount(row.original.consumerOffset)),
    },
    { id: 'message', header: t('messageOffset'), meta: { numeric: true }, cell: () => formatCount(queueOffset) },
    {
      accessorKey: 'clients',
      header: t('clients'),
      meta: { numeric: true },
      cell: ({ row }) => (row.original.viaProxy ? <span data-testid="track-via-proxy" title={t('viaProxyTitle', { proxy: row.original.viaProxy.proxy })}>{t('viaProxy', { clients: String(row.original.viaProxy.clients) })}</span> : row.original.clients),
    },
    { accessorKey: 'subscription', header: t('subscription'), cell: ({ row }) => <span className="font-mono text-xs">{row.original.subscription ?? ''}</span> },
    {
      id: 'resend',
      header: '',
      enableSorting: false,
      cell: ({ row }) =>
        row.original.viaProxy ? (
          <DisabledReasonButton disabledReason={t('viaProxyReason', { proxy: row.original.viaProxy.proxy })} testId="resend-via-proxy" className="rounded border border-slate-300 px-2 py-0.5 text-xs">
            {t('resend')}
          </DisabledReasonButton>
        ) : row.original.clients > 0 ? (
          <DisabledReasonButton onClick={() => onResend(row.original.group)} disabledReason={resendBlocked} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50">
            {t('resend')}
          </DisabledReasonButton>
        ) : null,
    },
  ];
  return <DataTable data={tracks} columns={columns} rowTestId="group-track" getRowId={(track) => track.group} dense />;
}
