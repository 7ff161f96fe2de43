'use client';

import { useTranslations } from 'next-intl';
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
  const t = useTranslations('groups.stacks');
  const [open, setOpen] = useState(false);
  const stacks = useClientStacks(cluster, group, clientId, open);
  const takenAt = stacks.data?.takenAt;
  return (
    <div className="border-t border-slate-100" data-testid="thread-stacks">
      <div className="flex items-center gap-3 px-3 py-1.5 text-sm">
        <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-50" onClick={() => setOpen(!open)} data-testid="thread-stacks-toggle">
          {open ? t('hide') : t('show')}
        </button>
        {open && stacks.data && (
          <button type="button" className="text-blue-700 hover:underline disabled:text-slate-400" disabled={stacks.isFetching} onClick={() => void stacks.refetch()}>
            {stacks.isFetching ? t('takingDump') : t('takeDump')}
          </button>
        )}
        {!open && <span className="text-xs text-slate-500">{t('hint')}</span>}
      </div>
      {open && stacks.isPending && <div className="px-3 pb-2"><Spinner label={t('asking')} /></div>}
      {open && stacks.error && <div className="px-3 pb-3"><ErrorState title={t('noDump')} message={stacks.error.message} /></div>}
      {open && stacks.data && (
        <div className="px-3 pb-3">
          <p className="mb-2 text-sm text-slate-700" data-testid="thread-stacks-summary">
            {t.rich('summary', {
              count: formatCount(stacks.data.threads.length),
              broker: stacks.data.brokerName,
              b: (chunks) => <span className="font-medium">{chunks}</span>,
              time: () => <Timestamp ms={takenAt} />,
            })}{' '}
            {t.rich('consumeThreads', {
              busy: formatCount(stacks.data.consumeThreads.busy),
              total: formatCount(stacks.data.consumeThreads.total),
              strong: (chunks) => <strong data-testid="consume-threads-busy">{chunks}</strong>,
              span: (chunks) => <span data-testid="consume-threads-total">{chunks}</span>,
            })}
            {stacks.data.consumeThreads.max !== undefined && <>{t('poolMax', { max: formatCount(stacks.data.consumeThreads.max) })}</>}.{' '}
            {Object.entries(stacks.data.states).map(([state, n]) => (
              <span key={state} className="mr-2 whitespace-nowrap">{state} {formatCount(n)}</span>
            ))}
          </p>
          <ThreadList title={t('consumeList')} threads={stacks.data.threads.filter((th) => th.consumeThread)} testId="consume-threads" />
          <ThreadList title={t('otherList')} threads={stacks.data.threads.filter((th) => !th.consumeThread)} testId="other-threads" />
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
  const t = useTranslations('groups.stacks');
  if (threads.length === 0) return <p className="mb-2 text-sm text-slate-500" data-testid={testId}>{t('noneInList', { title })}</p>;
  return (
    <div className="mb-3" data-testid={testId}>
      <div className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{title}</div>
      <ul className="divide-y divide-slate-100 rounded border border-slate-200">
        {threads.map((th) => (
          <li key={`${th.tid}-${th.name}`} data-testid="thread-row">
            <details open={th.busy}>
              <summary className="flex cursor-pointer items-center gap-2 px-2 py-1 text-sm">
                <span className="font-mono" data-testid="thread-name">{th.name}</span>
                <Badge tone={STATE_TONES[th.state]}>{th.state}</Badge>
                {th.consumeThread && (th.busy ? <Badge tone="bg-amber-50 text-amber-800 ring-amber-200">{t('busy')}</Badge> : <Badge>{t('idle')}</Badge>)}
                <span className="truncate font-mono text-xs text-slate-500">{telling(th.frames)}</span>
              </summary>
              <pre className="overflow-x-auto bg-slate-50 px-3 py-2 font-mono text-xs leading-5 text-slate-700">{th.frames.map((f) => `at ${f}`).join('\n')}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
