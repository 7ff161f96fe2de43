'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ChangeResult } from '@/lib/console/changes/types';
import type { BacklogTopic } from '@/lib/console/dlq/overview';
import { useChangePreview } from '../api/changes';
import { useDeadLetters } from '../api/groups';
import { ChangeDone, ChangeModal, ConfirmChange } from '../changes/ConfirmChange';
import { PlanFormFooter } from '../changes/FormParts';
import { formatCount } from '../format';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { Card, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';

/** The group's retry and dead-letter topics, a way to browse them, and sending dead letters back. */
export function DeadLetters({ group, changeBlocked }: { group: string; changeBlocked?: string }) {
  const cluster = useCluster();
  const query = useDeadLetters(cluster, group);
  const [redrive, setRedrive] = useState(false);
  const d = query.data;
  return (
    <Card
      title="Retries and dead letters"
      className="mb-5"
      actions={
        d?.dlq && d.dlq.messages > 0 ? (
          <DisabledReasonButton onClick={() => setRedrive(true)} disabledReason={changeBlocked} testId="redrive" className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50">
            Send dead letters back…
          </DisabledReasonButton>
        ) : undefined
      }
    >
      {query.error && <div className="p-4"><ErrorState message={query.error.message} /></div>}
      {!d && !query.error && <div className="px-4"><Spinner /></div>}
      {d && (
        <table className="min-w-full text-sm" data-testid="dead-letters">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Topic</th>
              <th className="px-3 py-2 text-right">Messages</th>
              <th className="px-3 py-2">Oldest</th>
              <th className="px-3 py-2">Newest</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <Row label="Retry" topic={d.retry} name={`%RETRY%${group}`} cluster={cluster} what="the group has not failed a message yet" />
            <Row label="Dead letters" topic={d.dlq} name={`%DLQ%${group}`} cluster={cluster} what="no message has failed more than the group's retries" />
          </tbody>
        </table>
      )}
      {redrive && <RedriveDialog group={group} onClose={() => setRedrive(false)} />}
    </Card>
  );
}

function Row({ label, topic, name, cluster, what }: { label: string; topic?: BacklogTopic; name: string; cluster: string; what: string }) {
  return (
    <tr data-testid={`backlog-${label === 'Retry' ? 'retry' : 'dlq'}`}>
      <td className="px-3 py-1.5">
        <span className="text-slate-500">{label}</span> <span className="font-mono text-xs">{name}</span>
      </td>
      {topic ? (
        <>
          <td className="num px-3 py-1.5 font-medium" data-testid="backlog-count">{formatCount(topic.messages)}</td>
          <td className="px-3 py-1.5"><Timestamp ms={topic.oldest} compact /></td>
          <td className="px-3 py-1.5"><Timestamp ms={topic.newest} compact /></td>
          <td className="px-3 py-1.5 text-right">
            {topic.messages > 0 && (
              <Link className="text-blue-700 hover:underline" href={`${paths.messages(cluster)}?mode=range&topic=${encodeURIComponent(name)}`}>
                Browse
              </Link>
            )}
            {topic.errors.length > 0 && <span className="ml-2 text-xs text-amber-800">{topic.errors.join('; ')}</span>}
          </td>
        </>
      ) : (
        <td colSpan={4} className="px-3 py-1.5 text-slate-500">none: {what}</td>
      )}
    </tr>
  );
}

/** Choose where the dead letters go, preview every message, confirm by typing the group name. */
function RedriveDialog({ group, onClose }: { group: string; onClose: () => void }) {
  const cluster = useCluster();
  const preview = useChangePreview(cluster);
  const [target, setTarget] = useState<'retry' | 'original'>('retry');
  const [result, setResult] = useState<ChangeResult | undefined>();
  return (
    <ChangeModal title={`Send the dead letters of ${group} back`} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={onClose} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} />
      ) : (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), preview.mutate({ action: 'dlq.redrive', request: { group, target } }))}>
          <fieldset className="space-y-2">
            <label className="flex items-start gap-2">
              <input type="radio" name="target" checked={target === 'retry'} onChange={() => setTarget('retry')} aria-label="To the group's retry topic" />
              <span>
                <b>To the group&apos;s retry topic</b>: only {group} receives them again, as messages of their original topic, with their retries counted from 0.
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="target" checked={target === 'original'} onChange={() => setTarget('original')} aria-label="To their original topic" />
              <span>
                <b>To their original topic</b>: every group subscribed to it receives them again (needed for POP and gRPC groups).
              </span>
            </label>
          </fieldset>
          <p className="text-slate-500">The oldest 200 dead letters at most; each one is sent as a copy (the dead letter stays) and written to the audit log. The preview lists every message first.</p>
          <PlanFormFooter error={preview.error} pending={preview.isPending} onCancel={onClose} errorTitle="Cannot plan the redrive" />
        </form>
      )}
    </ChangeModal>
  );
}
