'use client';

import type { ResetPreview } from '@/lib/console/reset/types';
import { formatCount } from '../format';
import { Timestamp } from '../ui/Timestamp';

/** The per-queue plan of a reset: where each queue is, where it will be, and what that replays or skips. */
export function PreviewTable({ preview }: { preview: ResetPreview }) {
  const changed = preview.queues.filter((q) => q.delta !== 0);
  // resets by time and to the earliest show how far back each queue can go (its oldest stored message)
  const horizon = preview.mode === 'timestamp' || preview.mode === 'earliest';
  return (
    <div>
      <div className="mb-2 flex flex-wrap gap-4 text-sm" data-testid="preview-totals">
        <span>
          <strong className="tabular-nums">{formatCount(preview.totals.changed)}</strong> of {formatCount(preview.totals.queues)} queues change
        </span>
        <span className={preview.totals.replay > 0 ? 'text-amber-800' : ''}>
          replays <strong className="tabular-nums" data-testid="preview-replay">{formatCount(preview.totals.replay)}</strong> messages
        </span>
        <span className={preview.totals.skip > 0 ? 'text-red-700' : ''}>
          skips <strong className="tabular-nums" data-testid="preview-skip">{formatCount(preview.totals.skip)}</strong> messages
        </span>
        <span className="text-slate-500">
          {Object.entries(preview.methods).map(([b, m]) => `${b}: ${m === 'server-side' ? 'broker resets' : m === 'client-push' ? 'pushed to clients' : 'offsets committed'}`).join(' · ')}
        </span>
      </div>
      <div className="max-h-80 overflow-auto rounded border border-slate-200">
        <table className="min-w-full text-sm">
          <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-1.5">Topic</th>
              <th className="px-3 py-1.5">Broker</th>
              <th className="px-3 py-1.5 text-right">Queue</th>
              <th className="px-3 py-1.5 text-right">Current offset</th>
              <th className="px-3 py-1.5 text-right">Target offset</th>
              <th className="px-3 py-1.5 text-right">Broker offset</th>
              {horizon && <th className="px-3 py-1.5" title="The oldest message the queue still holds: a reset by time cannot go further back">Oldest stored</th>}
              <th className="px-3 py-1.5 text-right">Change</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.queues.map((q) => (
              <tr key={`${q.topic}-${q.brokerName}-${q.queueId}`} data-testid="preview-row" className={q.delta === 0 ? 'text-slate-400' : ''}>
                <td className="px-3 py-1">{q.topic}</td>
                <td className="px-3 py-1">{q.brokerName}</td>
                <td className="num px-3 py-1">{q.queueId}</td>
                <td className="num px-3 py-1">{formatCount(q.currentOffset)}</td>
                <td className="num px-3 py-1 font-medium">{formatCount(q.targetOffset)}</td>
                <td className="num px-3 py-1">{formatCount(q.brokerOffset)}</td>
                {horizon && (
                  <td
                    className={`px-3 py-1 ${preview.timestamp !== undefined && q.earliestStoreTime !== undefined && preview.timestamp < q.earliestStoreTime ? 'font-medium text-amber-800' : ''}`}
                    data-testid="preview-horizon"
                  >
                    {q.earliestStoreTime !== undefined ? <Timestamp ms={q.earliestStoreTime} compact /> : q.brokerOffset > q.minOffset ? 'unknown' : 'empty'}
                  </td>
                )}
                <td className="num px-3 py-1">
                  {q.delta < 0 ? <span className="text-amber-800">replay {formatCount(-q.delta)}</span> : q.delta > 0 ? <span className="text-red-700">skip {formatCount(q.delta)}</span> : 'unchanged'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changed.length === 0 && <p className="mt-2 text-sm text-slate-600">Nothing would change.</p>}
      {preview.warnings.map((w) => (
        <p key={w} className="mt-2 text-sm text-amber-800">⚠ {w}</p>
      ))}
      {preview.blockers.map((b) => (
        <p key={b} className="mt-2 text-sm font-medium text-red-700" data-testid="preview-blocker">✖ {b}</p>
      ))}
    </div>
  );
}
