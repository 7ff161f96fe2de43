'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Cause, GroupDiagnosis } from '@/lib/console/groups/diagnosis';
import { isNotFound } from '../api/client';
import { useGroupDiagnosis } from '../api/groups';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { SeverityBadge } from '../ui/Badge';
import { Card, ErrorState, PartialFailures, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { useSaid } from '../ui/said';

const CHECK_NAMES = {
  'no-client': 'noClient',
  'consume-disabled': 'consumeDisabled',
  'consume-failures': 'consumeFailures',
  'slow-consumption': 'slowConsumption',
  'pool-saturated': 'poolSaturated',
  'orderly-stuck': 'orderlyStuck',
  'idle-clients': 'idleClients',
  'subscription-mismatch': 'subscriptionMismatch',
  'broker-not-writable': 'brokerNotWritable',
  'replica-behind': 'replicaBehind',
} as const satisfies Record<Cause['kind'], string>;

const LINKS: Record<string, 'clients' | 'connections' | 'progress' | 'config' | 'deadLetters'> = { clients: 'clients', connections: 'connections', progress: 'progress', config: 'config', 'dead-letters': 'deadLetters' };

/** Why the group lags: the likely causes, worst first, each with its evidence and where to look. */
export function Diagnosis({ group }: { group: string }) {
  const t = useTranslations('groups.diagnosis');
  const cluster = useCluster();
  const query = useGroupDiagnosis(cluster, group);
  const d = query.data;
  return (
    <Card
      id="group-diagnosis"
      title={t('title')}
      className="mb-5"
      actions={d ? <span className="text-xs text-slate-500">{t('asOf')} <Timestamp ms={d.asOf} compact /></span> : undefined}
    >
      <div data-testid="diagnosis">
        {query.error && !isNotFound(query.error) && <div className="p-4"><ErrorState message={query.error.message} onRetry={() => void query.refetch()} /></div>}
        {!d && !query.error && <div className="px-4"><Spinner /></div>}
        {d && <DiagnosisBody d={d} cluster={cluster} />}
      </div>
    </Card>
  );
}

function DiagnosisBody({ d, cluster }: { d: GroupDiagnosis; cluster: string }) {
  const t = useTranslations('groups.diagnosis');
  const said = useSaid();
  return (
    <>
      {d.failures.length > 0 && <div className="px-4 pt-3"><PartialFailures failures={d.failures} /></div>}
      {d.causes.length === 0 && (
        <p className="px-4 py-3 text-sm text-emerald-800" data-testid="diagnosis-ok">
          {d.verdict === 'unknown' ? t('notCheckable') : t('nothingFound')}
        </p>
      )}
      <ul className="divide-y divide-slate-100">
        {d.causes.map((c) => (
          <li key={c.kind} className="px-4 py-3" data-testid="diagnosis-cause" data-kind={c.kind}>
            <div className="flex items-start justify-between gap-3">
              <div className="flex items-start gap-2">
                <SeverityBadge severity={c.severity} />
                <span className="text-sm font-medium text-slate-900" data-testid="cause-title">{said(c.title, c.titleSay)}</span>
              </div>
              <CauseLink cause={c} cluster={cluster} />
            </div>
            <table className="mt-2 text-sm">
              <tbody>
                {c.evidence.map((e, i) => (
                  <tr key={i} data-testid="cause-evidence">
                    <td className="py-0.5 pr-4 font-mono text-xs text-slate-600">{e.subject ?? ''}</td>
                    <td className="py-0.5 pr-4 text-slate-600">{said(e.label, e.labelSay)}</td>
                    <td className="py-0.5 text-right tabular-nums text-slate-900">{said(e.value, e.valueSay)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
      {d.unknown.length > 0 && (
        <div className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600" data-testid="diagnosis-unknown">
          {t('notChecked', { checks: d.unknown.map((u) => `${t(`checks.${CHECK_NAMES[u.kind]}`)} (${said(u.reason, u.reasonSay)})`).join('; ') })}
        </div>
      )}
    </>
  );
}

function CauseLink({ cause, cluster }: { cause: Cause; cluster: string }) {
  const t = useTranslations('groups.diagnosis');
  const className = 'shrink-0 text-xs font-medium text-sky-700 hover:underline';
  if (cause.link === 'ordered') return <Link className={className} href={paths.ordered(cluster)}>{t('orderedTopics')} →</Link>;
  if (cause.link === 'ha') return <Link className={className} href={paths.ha(cluster)}>{t('highAvailability')} →</Link>;
  if (cause.link === 'topic' && cause.topic) return <Link className={className} href={paths.topic(cluster, cause.topic)}>{cause.topic} →</Link>;
  const label = LINKS[cause.link];
  return (
    <a className={className} href={`#group-${cause.link}`}>
      {label ? t(`links.${label}`) : cause.link} ↓
    </a>
  );
}
