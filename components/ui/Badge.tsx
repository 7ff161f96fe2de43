import { useTranslations } from 'next-intl';

const TOPIC_TYPE_STYLE: Record<string, string> = {
  NORMAL: 'bg-slate-100 text-slate-700 ring-slate-200',
  FIFO: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
  DELAY: 'bg-sky-50 text-sky-700 ring-sky-200',
  TRANSACTION: 'bg-violet-50 text-violet-700 ring-violet-200',
  PRIORITY: 'bg-fuchsia-50 text-fuchsia-700 ring-fuchsia-200',
  LITE: 'bg-lime-50 text-lime-800 ring-lime-200',
  MIXED: 'bg-teal-50 text-teal-700 ring-teal-200',
  RETRY: 'bg-amber-50 text-amber-800 ring-amber-200',
  DLQ: 'bg-red-50 text-red-700 ring-red-200',
  SYSTEM: 'bg-zinc-100 text-zinc-500 ring-zinc-200',
};

export function Badge({ children, tone = 'bg-slate-100 text-slate-700 ring-slate-200', title }: { children: string; tone?: string; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>
      {children}
    </span>
  );
}

const SEVERITY_TONE = {
  critical: 'bg-red-50 text-red-700 ring-red-200',
  warning: 'bg-amber-50 text-amber-800 ring-amber-200',
  info: 'bg-sky-50 text-sky-800 ring-sky-200',
} as const;

/** The severity of an alert or a diagnosed cause. */
export function SeverityBadge({ severity }: { severity: keyof typeof SEVERITY_TONE }) {
  const t = useTranslations('states.severity');
  return <Badge tone={SEVERITY_TONE[severity]}>{t(severity)}</Badge>;
}

export function TopicTypeBadge({ type }: { type: string }) {
  return <Badge tone={TOPIC_TYPE_STYLE[type]}>{type}</Badge>;
}

export function RoleBadge({ role }: { role: 'MASTER' | 'SLAVE' }) {
  return <Badge tone={role === 'MASTER' ? 'bg-emerald-50 text-emerald-700 ring-emerald-200' : 'bg-slate-100 text-slate-600 ring-slate-200'}>{role}</Badge>;
}
