'use client';

import { useState } from 'react';
import type { ThreadView } from '@/lib/console/groups/stacks';
import { useClientStacks } from '../api/groups';
import { formatCount } from '../format';
import { Badge } from '../ui/Badge';
import { ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';

const STATE_TONES: Record<string, string> = {
  RUNNABLE: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  BLOCKED: 'bg-red-50 text-red-700 ring-red-200',
  WAITING: 'bg-slate-100 text-slate-600 ring-slate-200',
  TIMED_WAITING: 'bg-slate-100 text-slate-600 ring-slate-200',
};

/** One client's thread dump on demand: its consume threads first (busy ones open), then the rest by state. */
export function ThreadStacks({ cluster, group, clientId }: { cluster: string; group: string; clientId: string }) {
  const [open, setOpen] = useState(false);
  const stacks = useClientStacks(cluster, group, clientId, open);
  return (
    <div className="border-t border-slate-100" data-testid="thread-stacks">
      <div className="flex items-center gap-3 px-3 py-1.5 text-sm">
        <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-50" onClick={() => setOpen(!open)} data-testid="thread-stacks-toggle">
          {open ? 'Hide thread stacks' : 'Thread stacks'}
        </button>
        {open && stacks.data && (
          <button type="button" className="text-blue-700 hover:underline disabled:text-slate-400" disabled={stacks.isFetching} onClick={() => void stacks.refetch()}>
            {stacks.isFetching ? 'Taking a new dump…' : 'Take a new dump'}
          </button>
        )}
        {!open && <span className="text-xs text-slate-500">as mqadmin consumerStatus -s: the client walks every thread, so only when asked</span>}
      </div>
      {open && stacks.isPending && <div className="px-3 pb-2"><Spinner label="Asking the client for its threads (through a broker)" /></div>}
      {open && stacks.error && <div className="px-3 pb-3"><ErrorState title="No thread dump" message={stacks.error.message} /></div>}
      {open && stacks.data && (
        <div className="px-3 pb-3">
          <p className="mb-2 text-sm text-slate-700" data-testid="thread-stacks-summary">
            <span className="font-medium">{formatCount(stacks.data.threads.length)} threads</span>, taken <Timestamp ms={stacks.data.takenAt} /> through {stacks.data.brokerName}.{' '}
            Consume threads: <strong data-testid="consume-threads-busy">{formatCount(stacks.data.consumeThreads.busy)}</strong> busy of{' '}
            <span data-testid="consume-threads-total">{formatCount(stacks.data.consumeThreads.total)}</span>
            {stacks.data.consumeThreads.max !== undefined && <> (the pool may grow to {formatCount(stacks.data.consumeThreads.max)})</>}.{' '}
            {Object.entries(stacks.data.states).map(([state, n]) => (
              <span key={state} className="mr-2 whitespace-nowrap">{state} {formatCount(n)}</span>
            ))}
          </p>
          <ThreadList title="Consume threads (they run the group's listener; busy first)" threads={stacks.data.threads.filter((t) => t.consumeThread)} testId="consume-threads" />
          <ThreadList title="Other threads, by state" threads={stacks.data.threads.filter((t) => !t.consumeThread)} testId="other-threads" />
        </div>
      )}
    </div>
  );
}

/** The innermost frame outside the JDK: "Unsafe.park" says nothing, the RocketMQ or listener frame that parked does. */
function telling(frames: string[]): string | undefined {
  return frames.find((f) => !/^(java\.base@[^/]*\/|jdk\.|java\.|sun\.)/.test(f)) ?? frames[0];
}

function ThreadList({ title, threads, testId }: { title: string; threads: ThreadView[]; testId: string }) {
  if (threads.length === 0) return <p className="mb-2 text-sm text-slate-500" data-testid={testId}>{title}: none.</p>;
  return (
    <div className="mb-3" data-testid={testId}>
      <div className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{title}</div>
      <ul className="divide-y divide-slate-100 rounded border border-slate-200">
        {threads.map((t) => (
          <li key={`${t.tid}-${t.name}`} data-testid="thread-row">
            <details open={t.busy}>
              <summary className="flex cursor-pointer items-center gap-2 px-2 py-1 text-sm">
                <span className="font-mono" data-testid="thread-name">{t.name}</span>
                <Badge tone={STATE_TONES[t.state]}>{t.state}</Badge>
                {t.consumeThread && (t.busy ? <Badge tone="bg-amber-50 text-amber-800 ring-amber-200">busy</Badge> : <Badge>idle</Badge>)}
                <span className="truncate font-mono text-xs text-slate-500">{telling(t.frames)}</span>
              </summary>
              <pre className="overflow-x-auto bg-slate-50 px-3 py-2 font-mono text-xs leading-5 text-slate-700">{t.frames.map((f) => `at ${f}`).join('\n')}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
