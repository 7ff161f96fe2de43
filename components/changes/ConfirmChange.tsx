'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ChangeLine, ChangePlan, ChangeResult, StepOutcome } from '@/lib/console/changes/types';
import { ApiError } from '../api/client';
import { useChangeApply, type ApplyProgress } from '../api/changes';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { ErrorState } from '../ui/states';
import { LinesTable, PlanView } from './PlanView';
import { useSaid } from '../ui/said';

/**
 * The confirm step of every change: the plan, the target's name typed where the change is destructive or
 * cluster-wide, apply; when the cluster moved since the plan, the difference and the fresh plan, to confirm again.
 */
export function ConfirmChange({ plan: initial, onApplied, onCancel }: { plan: ChangePlan; onApplied: (result: ChangeResult) => void; onCancel: () => void }) {
  const t = useTranslations('changes.confirm');
  const said = useSaid();
  const cluster = useCluster();
  const apply = useChangeApply(cluster);
  const [plan, setPlan] = useState(initial);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [drift, setDrift] = useState<ChangeLine[]>([]);
  const run = async () => {
    setError(undefined);
    try {
      onApplied(await apply.mutateAsync({ previewId: plan.previewId, confirm: plan.typedConfirmation ? typed : true }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'plan_stale') {
        const details = e.details as { drift: ChangeLine[]; preview: ChangePlan } | undefined;
        if (details) {
          setDrift(details.drift);
          setPlan(details.preview);
          setTyped('');
        }
      }
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const reason = apply.isPending
    ? t('applyingReason')
    : plan.blockers.length > 0
      ? plan.blockers.map((b) => said(b, plan.said?.[b])).join('; ')
      : plan.typedConfirmation && typed !== plan.target.name
        ? t('typeToConfirmReason', { name: plan.target.name })
        : undefined;
  return (
    <div>
      {drift.length > 0 && (
        <div className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="plan-drift">
          <div className="mb-2 font-medium">{t('drift')}</div>
          <LinesTable lines={drift} />
        </div>
      )}
      {apply.progress ? <ApplyProgressView progress={apply.progress} running={apply.isPending} /> : <PlanView plan={plan} />}
      {error && <div className="mt-3"><ErrorState title={t('notApplied')} message={error} /></div>}
      <div className={`mt-4 flex flex-wrap items-end gap-3 border-t border-slate-200 pt-3 ${apply.isPending && apply.progress ? 'hidden' : ''}`}>
        {plan.typedConfirmation && (
          <label className="flex flex-col text-sm">
            <span className="mb-1 text-slate-700">{t('typeBefore')}<strong className="font-mono">{plan.target.name}</strong>{t('typeAfter')}</span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label={t('typeLabel', { kind: plan.target.kind })} className="w-72 rounded border border-slate-300 px-2 py-1 font-mono" autoComplete="off" />
          </label>
        )}
        <DisabledReasonButton onClick={() => void run()} disabledReason={reason} testId="apply-change" className="rounded bg-red-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-700">
          {apply.isPending ? t('applying') : plan.undoOf ? t('undoAudit', { auditId: String(plan.undoOf) }) : t('apply')}
        </DisabledReasonButton>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">{t('back')}</button>
      </div>
    </div>
  );
}

/** A change while it runs: its audit entry, how many steps ended of how many, and each one's outcome so far. */
function ApplyProgressView({ progress, running }: { progress: ApplyProgress; running: boolean }) {
  const t = useTranslations('changes.progress');
  const cluster = useCluster();
  const { steps, expectedSteps } = progress;
  const failed = steps.filter((s) => s.outcome !== 'done').length;
  const share = expectedSteps ? Math.min(100, Math.round((steps.length / expectedSteps) * 100)) : undefined;
  return (
    <div className="space-y-3 text-sm" data-testid="apply-progress">
      <p>
        <span className="font-semibold">{running ? t('applying') : t('stopped')}</span> ·{' '}
        <span data-testid="apply-progress-count">{steps.length}{expectedSteps !== undefined ? t('ofTotal', { total: String(expectedSteps) }) : ''}</span>{t('stepsEnded')}
        {failed > 0 && <span className="text-red-700">{t('notDone', { failed: String(failed) })}</span>}{t('writtenTo')}
        <Link href={paths.auditEntry(cluster, progress.auditId)} className="text-blue-700 hover:underline">{t('auditLink', { auditId: String(progress.auditId) })}</Link>{t('beforeFirstStep')}
      </p>
      {share !== undefined && (
        <div className="h-2 w-full overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={expectedSteps} aria-valuenow={steps.length}>
          <div className="h-full bg-emerald-600 transition-all" style={{ width: `${share}%` }} />
        </div>
      )}
      {steps.length > 0 && (
        <div className="max-h-80 overflow-y-auto">
          <StepsTable steps={steps} testId="progress-step" />
        </div>
      )}
    </div>
  );
}

const TONE = { done: 'text-emerald-700', failed: 'text-red-700', unknown: 'text-amber-700' } as const;

/** What an apply did, step by step, with its audit entry. */
export function ChangeResultView({ result }: { result: ChangeResult }) {
  const t = useTranslations('changes.result');
  const cluster = useCluster();
  return (
    <div className="space-y-3 text-sm" data-testid="change-result">
      <p>
        <span className="font-semibold" data-testid="change-status">{result.status}</span>{t('inMs', { durationMs: String(result.durationMs) })}
        <Link href={paths.auditEntry(cluster, result.auditId)} className="text-blue-700 hover:underline">{t('auditLink', { auditId: String(result.auditId) })}</Link>
      </p>
      <StepsTable steps={result.steps} topic={result.target.kind === 'topic' ? result.target.name : undefined} testId="change-step" />
    </div>
  );
}

/** Each step of an apply: where, its outcome, and its error or what it produced. */
export function StepsTable({ steps, topic, testId }: { steps: StepOutcome[]; topic?: string; testId: string }) {
  const t = useTranslations('changes.result');
  return (
    <table className="w-full table-fixed rounded border border-slate-200 text-sm">
      <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500"><tr><th className="w-1/4 px-3 py-1.5">{t('where')}</th><th className="w-24 px-3 py-1.5">{t('outcome')}</th><th className="px-3 py-1.5">{t('errorOrResult')}</th></tr></thead>
      <tbody className="divide-y divide-slate-100">
        {steps.map((s) => (
          <tr key={s.where} data-testid={testId}>
            <td className="break-all px-3 py-1">{s.where}</td>
            <td className={`px-3 py-1 font-medium ${TONE[s.outcome]}`}>{s.outcome}</td>
            <td className="break-all px-3 py-1 text-slate-600">{s.error ?? (s.result ? <StepResult result={s.result} topic={topic} /> : '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What a step produced: a sent message's ids (with links to the message and its trace), queue and offset. */
function StepResult({ result, topic }: { result: Record<string, string | number>; topic?: string }) {
  const t = useTranslations('changes.result');
  const cluster = useCluster();
  const msgId = typeof result.msgId === 'string' ? result.msgId : undefined;
  return (
    <span className="space-x-3" data-testid="step-result">
      {Object.entries(result).map(([k, v]) => (
        <span key={k}>
          <span className="text-slate-500">{k}</span> <span className="font-mono">{String(v)}</span>
        </span>
      ))}
      {msgId && <Link href={paths.message(cluster, msgId, topic)} className="text-blue-700 hover:underline">{t('message')}</Link>}
      {msgId && <Link href={paths.trace(cluster, msgId, topic)} className="text-blue-700 hover:underline">{t('trace')}</Link>}
    </span>
  );
}

/** A modal around a change: its form or plan or result. */
export function ChangeModal({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const t = useTranslations('changes.result');
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-6" role="dialog" aria-modal="true" aria-label={title}>
      <div className="w-full max-w-4xl rounded-lg bg-white shadow-xl">
        <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
          <h2 className="text-lg font-semibold">{title}</h2>
          <button type="button" onClick={onClose} aria-label={t('close')} className="text-slate-500 hover:text-slate-900">✕</button>
        </div>
        <div className="p-5">{children}</div>
      </div>
    </div>
  );
}

/** The result of an apply and a Done button. */
export function ChangeDone({ result, onClose }: { result: ChangeResult; onClose: () => void }) {
  const t = useTranslations('changes.result');
  return (
    <>
      <ChangeResultView result={result} />
      <div className="mt-4 flex justify-end">
        <button type="button" onClick={onClose} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">{t('done')}</button>
      </div>
    </>
  );
}
