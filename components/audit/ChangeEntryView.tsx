'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { AuditView } from '@/lib/console/audit/view';
import { errorText } from '../api/client';
import { useChangeUndoPreview } from '../api/changes';
import { useCan } from '../api/session';
import { ConfirmChange, StepsTable } from '../changes/ConfirmChange';
import { LinesTable } from '../changes/PlanView';
import { paths } from '../paths';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { Card, ErrorState } from '../ui/states';
import { useCluster } from '../useCluster';

/** An audited topic, group or configuration change: its diff, each step's outcome, and Undo from the before-image. */
export function ChangeEntryView({ entry, header }: { entry: AuditView & { change: NonNullable<AuditView['change']> }; header: React.ReactNode }) {
  const cluster = useCluster();
  const router = useRouter();
  const can = useCan(cluster, 'cluster:change');
  const undo = useChangeUndoPreview(cluster);
  const t = useTranslations('audit');
  const reason = can.reason ?? entry.undoReason ?? (undo.isPending ? t('change.computingPlan') : undo.data ? t('change.planOpen') : undefined);
  const { change } = entry;
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        {header}
        <div className="ml-auto">
          <DisabledReasonButton onClick={() => undo.mutate(entry.auditId)} disabledReason={reason} testId="undo-button" className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium shadow-sm hover:bg-slate-50">
            {t('change.undo')}
          </DisabledReasonButton>
        </div>
      </div>
      {undo.error && <div className="mb-4"><ErrorState title={t('change.cannotUndo')} message={errorText(undo.error)} /></div>}
      {undo.data && (
        <Card title={t('change.undoTitle', { id: String(entry.auditId) })} className="mb-5">
          <div className="p-4">
            <ConfirmChange plan={undo.data} onApplied={(r) => router.push(paths.auditEntry(cluster, r.auditId))} onCancel={() => undo.reset()} />
          </div>
        </Card>
      )}
      <Card title={t('change.title', { action: entry.action, target: entry.target })} className="mb-5">
        <div className="space-y-3 p-4 text-sm">
          <LinesTable lines={change.lines} testId="audit-change-lines" />
          {change.warnings.length > 0 && (
            <ul className="list-disc pl-5 text-amber-900">{change.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          )}
          {entry.error && <p className="text-red-700">{entry.error}</p>}
        </div>
      </Card>
      <Card title={t('change.steps')}>
        {change.steps ? (
          <StepsTable steps={change.steps} topic={entry.topic ?? undefined} testId="audit-change-step" />
        ) : (
          <p className="p-4 text-sm text-amber-800">{entry.status === 'started' ? t('change.noOutcomeRunning') : t('change.noOutcomeStopped')}</p>
        )}
      </Card>
    </div>
  );
}
