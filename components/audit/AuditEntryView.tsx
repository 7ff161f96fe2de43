'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { AuditView } from '@/lib/console/audit/view';
import type { ResetPreview } from '@/lib/console/reset/types';
import { fetchJson } from '../api';
import { formatCount, formatDuration } from '../format';
import { ConfirmApply } from '../reset/ConfirmApply';
import { Outcome, StatusBadge } from '../reset/ResultView';
import { Card, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';

/** One audited reset: what was asked, the offsets before, the targets, the outcome per queue, and Undo. */
export function AuditEntryView({ auditId }: { auditId: number }) {
  const router = useRouter();
  const query = useQuery({ queryKey: ['audit-entry', auditId], queryFn: () => fetchJson<AuditView>(`/api/audit/${auditId}`) });
  const [undo, setUndo] = useState<ResetPreview | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const e = query.data;
  if (query.error) return <ErrorState message={query.error.message} />;
  if (!e) return <Spinner />;
  const results = new Map((e.results ?? []).map((r) => [`${r.topic}\u0001${r.brokerName}\u0001${r.queueId}`, r]));
  const p = e.params as { mode?: string; timestamp?: number };
  const startUndo = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setUndo(await fetchJson<ResetPreview>(`/api/audit/${auditId}/undo/preview`, { method: 'POST' }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge status={e.status} />
        <span data-testid="audit-status-text">
          {e.status === 'interrupted'
            ? 'The console stopped after writing this entry and before recording the outcome: some queues may have been reset.'
            : e.status === 'started'
              ? 'Running now.'
              : `Finished in ${formatCount(e.durationMs ?? 0)} ms.`}
        </span>
        <span>by <strong>{e.actor}</strong> <Timestamp ms={e.at} /></span>
        {e.group && <Link className="text-blue-700 hover:underline" href={`/groups/${encodeURIComponent(e.group)}`}>group {e.group}</Link>}
        {e.undoOf && <Link className="text-blue-700 hover:underline" href={`/audit/${e.undoOf}`}>undoes #{e.undoOf}</Link>}
        {e.undoneBy.map((id) => <Link key={id} className="text-blue-700 hover:underline" href={`/audit/${id}`}>undone by #{id}</Link>)}
        <div className="ml-auto">
          <button
            type="button"
            onClick={() => void startUndo()}
            disabled={!e.canUndo || busy || Boolean(undo)}
            title={e.undoReason}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50"
          >
            Undo…
          </button>
        </div>
      </div>
      {error && <div className="mb-4"><ErrorState title="Cannot undo" message={error} /></div>}
      {undo && (
        <Card title={`Undo: restore the offsets before #${auditId}`} className="mb-5">
          <div className="p-4">
            <ConfirmApply
              preview={undo}
              applyUrl={`/api/audit/${auditId}/undo`}
              onApplied={(r) => router.push(`/audit/${r.auditId}`)}
              onCancel={() => setUndo(undefined)}
            />
          </div>
        </Card>
      )}
      <Card title="Request" className="mb-5">
        <dl className="grid grid-cols-2 gap-3 p-4 text-sm md:grid-cols-4">
          <div><dt className="text-xs uppercase text-slate-500">Action</dt><dd>{e.action}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">Target</dt><dd className="font-mono">{e.target}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">Mode</dt><dd>{p.mode ?? '—'}</dd></div>
          <div>
            <dt className="text-xs uppercase text-slate-500">Time</dt>
            <dd>{p.timestamp ? <><Timestamp ms={p.timestamp} showAge={false} /> <span className="text-slate-500">({formatDuration(e.at - p.timestamp)} before the reset)</span></> : '—'}</dd>
          </div>
        </dl>
        {e.error && <p className="px-4 pb-3 text-sm text-red-700">{e.error}</p>}
      </Card>
      <Card title={`Queues (${formatCount(e.planned.length)})`}>
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Topic</th><th className="px-3 py-2">Broker</th><th className="px-3 py-2 text-right">Queue</th>
              <th className="px-3 py-2 text-right">Offset before</th><th className="px-3 py-2 text-right">Target</th><th className="px-3 py-2 text-right">Applied</th><th className="px-3 py-2">Result</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {e.planned.map((q) => {
              const r = results.get(`${q.topic}\u0001${q.brokerName}\u0001${q.queueId}`);
              return (
                <tr key={`${q.topic}-${q.brokerName}-${q.queueId}`} data-testid="audit-queue-row">
                  <td className="px-3 py-1">{q.topic}</td>
                  <td className="px-3 py-1">{q.brokerName}</td>
                  <td className="num px-3 py-1">{q.queueId}</td>
                  <td className="num px-3 py-1">{formatCount(q.before)}</td>
                  <td className="num px-3 py-1">{formatCount(q.target)}</td>
                  <td className="num px-3 py-1">{r?.applied === undefined ? '—' : formatCount(r.applied)}</td>
                  <td className="px-3 py-1">
                    {e.status === 'interrupted' ? <span className="text-amber-800">unknown (interrupted)</span> : <Outcome outcome={r?.outcome} error={r?.error} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
