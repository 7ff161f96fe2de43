import { Badge } from '../ui/Badge';
import { formatDuration } from '../format';
import type { Drain } from '@/lib/console/lag/types';
import type { ListVerdict } from '@/lib/console/groups/diagnosis/rules';

export function ModelBadge({ model }: { model?: string }) {
  if (!model) return <span className="text-slate-400" title="The model is known once a client has been seen online">—</span>;
  return model === 'BROADCASTING' ? <Badge tone="bg-violet-50 text-violet-700 ring-violet-200">BROADCASTING</Badge> : <Badge>CLUSTERING</Badge>;
}

/** "12 min" backlog age, coloured by how old it is. */
export function LagAge({ ms }: { ms: number | undefined }) {
  if (ms === undefined) return <span className="text-slate-400">—</span>;
  const tone = ms > 3_600_000 ? 'font-semibold text-red-700' : ms > 300_000 ? 'text-amber-700' : '';
  return <span className={tone}>{formatDuration(ms)}</span>;
}

export function DrainText({ drain, lag }: { drain?: Drain; lag: number }) {
  if (lag === 0) return <span className="text-emerald-700">caught up</span>;
  if (!drain) return <span className="text-slate-400" title="Needs two snapshots">—</span>;
  if (drain.etaMs !== undefined && drain.trend === 'draining') return <span title={`net ${(drain.consumeRate - drain.produceRate).toFixed(2)} msg/s`}>{formatDuration(drain.etaMs)}</span>;
  if (drain.trend === 'growing') return <span className="text-red-700" title={`produced ${drain.produceRate.toFixed(2)}/s, consumed ${drain.consumeRate.toFixed(2)}/s`}>growing</span>;
  if (drain.trend === 'idle') return <span className="text-amber-700" title="Nothing consumed since the previous snapshot">not consuming</span>;
  return <span title="consume rate equals produce rate">steady</span>;
}

export function LagNumber({ lag }: { lag: number | undefined }) {
  if (lag === undefined) return <span className="text-slate-400">—</span>;
  return <span className={lag > 0 ? 'font-medium text-red-700' : 'text-slate-600'}>{lag.toLocaleString('en-US')}</span>;
}

const VERDICTS: Record<ListVerdict, { text: string; tone?: string; title: string }> = {
  'no-client': { text: 'no client', tone: 'bg-red-50 text-red-700 ring-red-200', title: 'Messages wait and no client is online' },
  'consume-disabled': { text: 'consumption off', tone: 'bg-red-50 text-red-700 ring-red-200', title: 'consumeEnable=false on a broker' },
  'slow-consumption': { text: 'slower than arrival', tone: 'bg-amber-50 text-amber-800 ring-amber-200', title: 'The lag grows while clients consume' },
  ok: { text: '—', title: 'Nothing the lag snapshot shows; the group page diagnoses the clients too' },
  unknown: { text: 'unknown', tone: 'bg-slate-100 text-slate-600 ring-slate-200', title: 'A broker did not answer for this group in the snapshot' },
};

/** The list's short verdict (from the lag snapshot alone); the group page has the full diagnosis. */
export function VerdictBadge({ verdict }: { verdict: ListVerdict }) {
  const v = VERDICTS[verdict];
  if (!v.tone) return <span className="text-slate-400" title={v.title} data-testid="verdict">{v.text}</span>;
  return <span data-testid="verdict"><Badge tone={v.tone} title={v.title}>{v.text}</Badge></span>;
}
