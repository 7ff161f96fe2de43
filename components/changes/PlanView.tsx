'use client';

import { useTranslations } from 'next-intl';
import type { ChangeLine, ChangePlan } from '@/lib/console/changes/types';
import { useSaid } from '../ui/said';

const shown = (v: string | null, absent: string) => (v === null ? <span className="text-slate-400">{absent}</span> : <span className="font-mono">{v}</span>);

/** Every line of a plan (where, what, before → after), then its warnings, blockers and whether it can be undone. */
export function PlanView({ plan }: { plan: ChangePlan }) {
  const t = useTranslations('changes.plan');
  const said = useSaid();
  const say = (english: string) => said(english, plan.said?.[english]);
  return (
    <div className="space-y-3 text-sm">
      <LinesTable lines={plan.lines} testId="plan-lines" />
      {plan.warnings.length > 0 && (
        <ul className="list-disc space-y-1 rounded border border-amber-300 bg-amber-50 py-2 pl-8 pr-3 text-amber-900" data-testid="plan-warnings">
          {plan.warnings.map((w) => <li key={w}>{say(w)}</li>)}
        </ul>
      )}
      {plan.blockers.length > 0 && (
        <ul className="list-disc space-y-1 rounded border border-red-300 bg-red-50 py-2 pl-8 pr-3 text-red-900" data-testid="plan-blockers">
          {plan.blockers.map((b) => <li key={b}>{say(b)}</li>)}
        </ul>
      )}
      <p className="text-slate-600" data-testid="plan-undo">
        {plan.undo.possible ? t('canUndo') : t('cannotUndo', { reason: say(plan.undo.reason) })}
      </p>
    </div>
  );
}

export function LinesTable({ lines, testId }: { lines: ChangeLine[]; testId?: string }) {
  const t = useTranslations('changes.plan');
  return (
    <div className="max-h-80 overflow-auto rounded border border-slate-200">
      <table className="min-w-full" data-testid={testId}>
        <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr><th className="px-3 py-1.5">{t('where')}</th><th className="px-3 py-1.5">{t('field')}</th><th className="px-3 py-1.5">{t('before')}</th><th className="px-3 py-1.5">{t('after')}</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={`${l.where}-${l.field}`} data-testid="plan-line">
              <td className="px-3 py-1">{l.where}</td>
              <td className="px-3 py-1 font-mono text-xs">{l.field}</td>
              <td className="px-3 py-1">{shown(l.before, t('absent'))}</td>
              <td className="px-3 py-1">{shown(l.after, t('absent'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
