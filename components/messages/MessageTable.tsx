'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { MessageSummary } from '@/lib/console/messages/model';
import { formatBytes, formatCount } from '../format';
import { DataTable } from '../ui/DataTable';
import { Timestamp } from '../ui/Timestamp';
import { paths } from '../paths';
import { useCluster } from '../useCluster';

const columns = (cluster: string): Array<ColumnDef<MessageSummary, unknown>> => [
  {
    accessorKey: 'msgId',
    header: 'msgId',
    cell: ({ row }) => (
      <Link className="font-mono text-xs text-blue-700 hover:underline" href={paths.message(cluster, row.original.msgId, row.original.topic)} data-testid="message-link">
        {row.original.msgId}
      </Link>
    ),
  },
  { accessorKey: 'tags', header: 'Tags', cell: ({ row }) => row.original.tags ?? <span className="text-slate-400">—</span> },
  { id: 'keys', header: 'Keys', accessorFn: (m) => m.keys.join(' '), cell: ({ row }) => <span className="whitespace-nowrap font-mono text-xs">{row.original.keys.join(' ')}</span> },
  { accessorKey: 'brokerName', header: 'Broker' },
  { accessorKey: 'queueId', header: 'Queue', meta: { numeric: true } },
  { accessorKey: 'queueOffset', header: 'Queue offset', meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.queueOffset) },
  { accessorKey: 'bodySize', header: 'Body', meta: { numeric: true }, cell: ({ row }) => formatBytes(row.original.bodySize) },
  { accessorKey: 'storeTimestamp', header: 'Stored', cell: ({ row }) => <Timestamp ms={row.original.storeTimestamp} /> },
  {
    id: 'trace',
    header: '',
    enableSorting: false,
    cell: ({ row }) => (
      <Link className="text-xs text-blue-700 hover:underline" href={paths.trace(cluster, row.original.msgId, row.original.topic)}>
        Trace
      </Link>
    ),
  },
];

/** Messages found by a search: each links to its page and its trace. */
export function MessageTable({ items }: { items: MessageSummary[] }) {
  return <DataTable data={items} columns={columns(useCluster())} rowTestId="message-row" getRowId={(m) => m.offsetMsgId} dense />;
}
