import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { refusalText, type RefusalView } from '../api/refusal-text';
import type { BrokerFailure } from '@/lib/console/core/fanout';

/** A broker that failed or was late, as a partial answer names it. */
export type BrokerFailureView = BrokerFailure;

export function Spinner({ label }: { label?: string }) {
  const t = useTranslations('states');
  return (
    <div role="status" className="flex items-center gap-2 py-8 text-sm text-slate-500">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-600" aria-hidden="true" />
      {label ?? t('loading')}…
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center" data-testid="empty-state">
      <div className="font-medium text-slate-700">{title}</div>
      {children && <div className="mt-1 text-sm text-slate-500">{children}</div>}
    </div>
  );
}

export function ErrorState({ title, message, onRetry }: { title?: string; message: string; onRetry?: () => void }) {
  const t = useTranslations('states');
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="error-state">
      <div className="font-medium">{title ?? t('couldNotLoad')}</div>
      <div className="mt-0.5">{message}</div>
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-2 rounded border border-red-300 bg-white px-2 py-1 text-xs font-medium hover:bg-red-100">
          {t('tryAgain')}
        </button>
      )}
    </div>
  );
}

/** The partial-answer banner: which brokers failed or were late, so the operator knows what is missing. */
export function PartialFailures({ failures }: { failures: BrokerFailureView[] }) {
  const t = useTranslations('states');
  if (failures.length === 0) return null;
  return (
    <div role="alert" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="partial-failures">
      <div className="font-medium">{t('partial', { count: failures.length })}</div>
      <ul className="mt-1 list-disc pl-5">
        {failures.map((f) => (
          <li key={`${f.addr}-${f.error}`}>
            <span className="font-mono">{f.brokerName}</span> <span className="font-mono text-amber-700">{f.addr}</span>: {f.error}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Card({ title, actions, children, className = '', id }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  return (
    <section id={id} className={`scroll-mt-4 rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}>
      {(title || actions) && (
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5">
          <h2 className="text-sm font-semibold text-slate-800">{title}</h2>
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

/** A page the signed-in user may not see: why, in words they can take to an admin. */
export function Refused({ refusal }: { refusal: RefusalView }) {
  const t = useTranslations('states.refusal');
  return (
    <div role="alert" className="rounded-lg border border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-800" data-testid="refused">
      <div className="font-medium">{t('title')}</div>
      <div className="mt-0.5">{refusalText(t, refusal)}</div>
    </div>
  );
}
