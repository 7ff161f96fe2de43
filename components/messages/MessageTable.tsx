'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MessageSummary } from '@/lib/console/messages/model';
import { formatBytes, formatCount } from '../format';
import { DataTable } from '../ui/DataTable';
import { Timestamp } from '../ui/Timestamp';
import { paths } from '../paths';
import { useCluster } from '../useCluster';

const columns = (cluster: string, t: ReturnType<typeof useTranslations<'messages.table'>>): Array<ColumnDef<MessageSummary, unknown>> => [
  {
    accessorKey: 'msgId',
    header: t('msgId'),
    cell: ({ row }) => (
      <Link className="font-mono text-xs text-blue-700 hover:underline" href={paths.message(cluster, row.original.msgId, row.original.topic)} data-testid="message-link">
        {row.original.msgId}
      </Link>
    ),
  },
  { accessorKey: 'tags', header: t('tags'), cell: ({ row }) => row.original.tags ?? <span className="text-slate-400">—</span> },
  { id: 'keys', header: t('keys'), accessorFn: (m) => m.keys.join(' '), cell: ({ row }) => <span className="whitespace-nowrap font-mono text-xs">{row.original.keys.join(' ')}</span> },
  { accessorKey: 'brokerName', header: t('broker') },
  { accessorKey: 'queueId', header: t('queue'), meta: { numeric: true } },
  { accessorKey: 'queueOffset', header: t('queueOffset'), meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.queueOffset) },
  { accessorKey: 'bodySize', header: t('body'), meta: { numeric: true }, cell: ({ row }) => formatBytes(row.original.bodySize) },
  { accessorKey: 'storeTimestamp', header: t('stored'), cell: ({ row }) => <Timestamp ms={row.original.storeTimestamp} /> },
  {
    id: 'trace',
    header: '',
    enableSorting: false,
    cell: ({ row }) => (
      <Link className="text-xs text-blue-700 hover:underline" href={paths.trace(cluster, row.original.msgId, row.original.topic)}>
        {t('trace')}
      </Link>
    ),
  },
];

/** Messages found by a search: each links to its page and its trace. */
export function MessageTable({ items }: { items: MessageSummary[] }) {
  const cluster = useCluster();
  const t = useTranslations('messages.table');
  return <DataTable data={items} columns={columns(cluster, t)} rowTestId="message-row" getRowId={(m) => m.offsetMsgId} dense />;
}
