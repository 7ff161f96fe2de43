'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { GroupTrack, TrackType } from '@/lib/console/messages/tracks';
import { formatCount } from '../format';
import { Badge } from '../ui/Badge';
import { DataTable } from '../ui/DataTable';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { paths } from '../paths';
import { useCluster } from '../useCluster';

const TRACK: Record<TrackType, { label: string; tone: string; title: string }> = {
  CONSUMED: { label: 'consumed', tone: 'bg-green-50 text-green-800 ring-green-200', title: 'the group committed an offset past this message' },
  CONSUMED_BUT_FILTERED: { label: 'filtered out', tone: 'bg-slate-100 text-slate-700 ring-slate-300', title: 'past it, but the tag subscription does not take this tag' },
  NOT_CONSUME_YET: { label: 'not consumed yet', tone: 'bg-amber-50 text-amber-900 ring-amber-200', title: 'the committed offset is at or before this message' },
  NOT_ONLINE: { label: 'not online', tone: 'bg-slate-100 text-slate-600 ring-slate-300', title: 'no client of the group is connected' },
  CONSUME_BROADCASTING: { label: 'broadcasting', tone: 'bg-purple-50 text-purple-800 ring-purple-200', title: 'each client keeps its own offset: the broker cannot tell' },
  PULL: { label: 'pull consumer', tone: 'bg-slate-100 text-slate-700 ring-slate-300', title: 'a pull consumer: the broker cannot tell' },
  UNKNOWN: { label: 'unknown', tone: 'bg-red-50 text-red-800 ring-red-200', title: 'the broker did not answer' },
};

export function TrackBadge({ track }: { track: TrackType }) {
  const t = TRACK[track];
  return <Badge tone={t.tone} title={t.title}>{t.label}</Badge>;
}

/** Each group consuming the topic and where it stands with the message; a resend goes to an online one. */
export function GroupTracks({ tracks, queueOffset, onResend, resendBlocked }: { tracks: GroupTrack[]; queueOffset: number; onResend: (group: string) => void; resendBlocked?: string }) {
  const cluster = useCluster();
  const columns: Array<ColumnDef<GroupTrack, unknown>> = [
    { accessorKey: 'group', header: 'Consumer group', cell: ({ row }) => <Link className="text-blue-700 hover:underline" href={paths.group(cluster, row.original.group)}>{row.original.group}</Link> },
    {
      accessorKey: 'trackType',
      header: 'Standing',
      cell: ({ row }) => (
        <span className="flex items-center gap-2">
          <TrackBadge track={row.original.trackType} />
          {row.original.trackType === 'NOT_ONLINE' && row.original.pastMessage !== undefined && (
            <span className="text-xs text-slate-500">{row.original.pastMessage ? 'its offset is past it' : 'its offset is not past it'}</span>
          )}
          {row.original.error && <span className="text-xs text-red-700">{row.original.error}</span>}
        </span>
      ),
    },
    {
      accessorKey: 'consumerOffset',
      header: 'Consumer offset',
      meta: { numeric: true },
      cell: ({ row }) => (row.original.consumerOffset === undefined ? <span className="text-slate-400">—</span> : formatCount(row.original.consumerOffset)),
    },
    { id: 'message', header: 'Message offset', meta: { numeric: true }, cell: () => formatCount(queueOffset) },
    {
      accessorKey: 'clients',
      header: 'Clients',
      meta: { numeric: true },
      cell: ({ row }) => (row.original.viaProxy ? <span data-testid="track-via-proxy" title={`gRPC clients through the proxy ${row.original.viaProxy.proxy}`}>{row.original.viaProxy.clients} via proxy</span> : row.original.clients),
    },
    { accessorKey: 'subscription', header: 'Subscription', cell: ({ row }) => <span className="font-mono text-xs">{row.original.subscription ?? ''}</span> },
    {
      id: 'resend',
      header: '',
      enableSorting: false,
      cell: ({ row }) =>
        row.original.viaProxy ? (
          <DisabledReasonButton disabledReason={`gRPC clients through the proxy ${row.original.viaProxy.proxy} cannot be sent a message directly: the proxy does not take CONSUME_MESSAGE_DIRECTLY and the brokers hold no connection to them. Send a copy to the topic, or reset the group's offset to before the message.`} testId="resend-via-proxy" className="rounded border border-slate-300 px-2 py-0.5 text-xs">
            Resend…
          </DisabledReasonButton>
        ) : row.original.clients > 0 ? (
          <DisabledReasonButton onClick={() => onResend(row.original.group)} disabledReason={resendBlocked} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50">
            Resend…
          </DisabledReasonButton>
        ) : null,
    },
  ];
  return <DataTable data={tracks} columns={columns} rowTestId="group-track" getRowId={(t) => t.group} dense />;
}
