'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import type { ScannedMessage } from '@/lib/console/messages/scan';
import { formatBytes, formatCount } from '../format';
import { Timestamp } from '../ui/Timestamp';
import { paths } from '../paths';
import { useCluster } from '../useCluster';

const ROW_PX = 36;
// msgIds are 56 hex digits on IPv6 hosts: the table scrolls sideways on narrow screens rather than cut them
const GRID = 'grid min-w-[1120px] grid-cols-[23.5rem_minmax(4.5rem,0.6fr)_minmax(6rem,1fr)_5rem_3rem_5.5rem_4rem_minmax(15.5rem,1.2fr)] gap-x-2';
const HEADERS = [
  ['msgId', false], ['tags', false], ['keys', false], ['broker', false], ['queue', true], ['queueOffset', true], ['body', true], ['stored', false],
] as const;

/**
 * Rows of a scan, virtualized: up to 10,000 rows stay smooth because only the visible ones are in the DOM (and only
 * they run a ticking Timestamp).
 */
export function ScanResults({ messages }: { messages: ScannedMessage[] }) {
  const t = useTranslations('messages.table');
  const cluster = useCluster();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: messages.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  return (
    <div role="table" aria-label={t('found')} aria-rowcount={messages.length + 1} className="overflow-x-auto text-sm">
      <div role="row" className={`${GRID} border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500`}>
        {HEADERS.map(([label, numeric]) => (
          <div key={label} role="columnheader" className={`whitespace-nowrap ${numeric ? 'text-right' : ''}`}>{t(label)}</div>
        ))}
      </div>
      <div ref={scroller} className="max-h-[560px] min-w-[1120px] overflow-y-auto" data-testid="scan-scroller">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const m = messages[item.index]!;
            return (
              <div
                key={m.offsetMsgId}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid="scan-row"
                className={`${GRID} absolute left-0 right-0 items-center border-b border-slate-100 px-3 hover:bg-slate-50`}
                style={{ height: ROW_PX, transform: `translateY(${item.start}px)` }}
              >
                <div role="cell" className="truncate">
                  <Link href={paths.message(cluster, m.msgId, m.topic)} className="font-mono text-[11px] text-blue-700 hover:underline" data-testid="message-link" title={m.msgId}>
                    {m.msgId}
                  </Link>
                </div>
                <div role="cell" className="truncate" data-testid="scan-tags">{m.tags ?? <span className="text-slate-400">—</span>}</div>
                <div role="cell" className="truncate font-mono text-xs" title={m.keys.join(' ')}>{m.keys.join(' ')}</div>
                <div role="cell" className="truncate font-mono text-xs">{m.brokerName}</div>
                <div role="cell" className="num text-right tabular-nums">{m.queueId}</div>
                <div role="cell" className="num text-right tabular-nums">{formatCount(m.queueOffset)}</div>
                <div role="cell" className="num text-right tabular-nums">{formatBytes(m.bodySize)}</div>
                <div role="cell" className="truncate"><Timestamp ms={m.storeTimestamp} /></div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
