'use client';

import { useTranslations } from 'next-intl';
import { Command } from 'cmdk';
import { usePathname, useRouter } from 'next/navigation';
import { useDeferredValue, useMemo, useState } from 'react';
import { errorText } from '../api/client';
import { useClusterNames } from '../api/names';
import { useCan, useSession } from '../api/session';
import { formatCount } from '../format';
import { useOptionalCluster } from '../useCluster';
import { paletteSections, type PaletteContext, type PaletteItem, type PaletteSection } from './items';
import { paletteWords } from './words';
import { loadRecent, saveRecent } from './recent';

/** The topic or group whose page is shown: the palette offers a key search in that topic, a reset of that group. */
function pageSubject(pathname: string, cluster: string | undefined): Pick<PaletteContext, 'topic' | 'group'> {
  if (!cluster) return {};
  const m = /^\/clusters\/[^/]+\/(topics|groups)\/([^/?#]+)/.exec(pathname);
  if (!m) return {};
  const name = decodeURIComponent(m[2]!);
  return m[1] === 'topics' ? { topic: name } : { group: name };
}

/** A time as the reset dialog shows it: the browser's local time with its zone. */
function formatLocal(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const zone = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`.trim();
}

const ITEM = 'flex cursor-pointer items-baseline justify-between gap-3 rounded px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-blue-50 data-[selected=true]:text-blue-900 data-[disabled=true]:cursor-not-allowed data-[disabled=true]:opacity-50';
const KIND: Record<string, string> = { page: 'page', cluster: 'cluster', topic: 'topic', group: 'group', broker: 'broker', message: 'message', key: 'key', reset: 'reset' };

/**
 * The command palette (cmdk in a Radix dialog: focus kept inside, Escape closes). cmdk's own filter is off: it scores
 * every item on each keystroke, too slow for 50,000 groups, so the palette ranks the names itself and renders only the
 * best few of each kind. The first line is selected whenever the text changes; Enter opens it.
 */
export function PaletteDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations('shell.palette');
  const router = useRouter();
  const pathname = usePathname();
  const cluster = useOptionalCluster();
  const session = useSession().data;
  const names = useClusterNames(cluster, open);
  const resetRefused = useCan(cluster ?? '', 'offset:reset').reason;
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  // read once per opening: what was opened last time is at the top
  const recent = useMemo(() => (open ? loadRecent(cluster) : []), [open, cluster]);
  const wordsT = useTranslations('shell.palette.words');
  const navT = useTranslations('shell.nav');
  const words = useMemo(() => paletteWords(wordsT, navT), [wordsT, navT]);
  const sections = useMemo(
    () =>
      paletteSections({
        query: deferred,
        context: { cluster, ...pageSubject(pathname, cluster), resetRefused },
        clusters: session?.clusters.map((c) => c.name) ?? (cluster ? [cluster] : []),
        names: names.data,
        recent,
        now: Date.now(),
        formatTime: formatLocal,
        words,
      }),
    [deferred, cluster, pathname, resetRefused, session, names.data, recent, words],
  );
  const first = sections.flatMap((s) => s.items).find((i) => !i.disabledReason)?.value ?? '';
  // the selection follows the arrows until the text changes; then the best line is selected again
  const [picked, setPicked] = useState({ query: '', value: '' });
  const selected = picked.query === deferred && picked.value ? picked.value : first;

  const go = (item: PaletteItem) => {
    if (item.disabledReason) return;
    saveRecent(cluster, { href: item.href, kind: item.kind, label: item.label });
    onOpenChange(false);
    setQuery('');
    router.push(item.href);
  };

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(o) => {
        onOpenChange(o);
        if (!o) setQuery('');
      }}
      label={t('label')}
      shouldFilter={false}
      loop
      value={selected}
      onValueChange={(value) => setPicked({ query: deferred, value })}
      overlayClassName="fixed inset-0 z-50 bg-slate-900/40"
      contentClassName="fixed left-1/2 top-[10vh] z-50 w-[min(44rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg bg-white shadow-2xl ring-1 ring-slate-300"
    >
      <div data-testid="command-palette">
        <Command.Input
          value={query}
          onValueChange={setQuery}
          placeholder={cluster ? t('placeholder', { cluster }) : t('placeholderNoCluster')}
          className="w-full border-b border-slate-200 px-4 py-3 text-base outline-none placeholder:text-slate-400"
        />
        <Command.List className="max-h-[min(60vh,32rem)] overflow-y-auto overscroll-contain p-2">
          <NamesStatus cluster={cluster} names={names} />
          <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">{t('noMatch')}</Command.Empty>
          {sections.map((s) => (
            <Section key={s.heading} section={s} onSelect={go} />
          ))}
        </Command.List>
        <div className="flex justify-between gap-3 border-t border-slate-200 bg-slate-50 px-4 py-2 text-xs text-slate-500">
          <span>{t('keys')}</span>
          <span>{t('recentHint')}</span>
        </div>
      </div>
    </Command.Dialog>
  );
}

function Section({ section, onSelect }: { section: PaletteSection; onSelect: (item: PaletteItem) => void }) {
  return (
    <Command.Group heading={section.heading} className="mb-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-slate-500">
      {section.items.map((item) => (
        <Command.Item key={item.value} value={item.value} disabled={Boolean(item.disabledReason)} onSelect={() => onSelect(item)} className={ITEM} data-testid="palette-item" data-kind={item.kind}>
          <span className="min-w-0 truncate font-mono" title={item.label}>
            {item.label}
          </span>
          <span className="shrink-0 text-xs text-slate-500" title={item.disabledReason}>
            {item.disabledReason ?? item.detail ?? KIND[item.kind]}
          </span>
        </Command.Item>
      ))}
      {section.more > 0 && (
        <div className="px-3 py-1 text-xs text-slate-500" data-testid="palette-more">
          {formatCount(section.more)} more — keep typing
        </div>
      )}
    </Command.Group>
  );
}

/** Loading, failure and the first snapshot's build, said once above the lines; pages and clusters work meanwhile. */
function NamesStatus({ cluster, names }: { cluster: string | undefined; names: ReturnType<typeof useClusterNames> }) {
  const t = useTranslations('shell.palette');
  if (!cluster) return null;
  if (names.isPending) {
    return (
      <Command.Loading>
        <div className="flex items-center gap-2 px-3 py-2 text-sm text-slate-500" data-testid="palette-loading">
          <span className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-slate-300 border-t-slate-600" aria-hidden="true" />
          {t('loading', { cluster })}
        </div>
      </Command.Loading>
    );
  }
  if (names.error) {
    return (
      <>
        <div role="alert" className="mx-1 mb-1 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="palette-error">
          {t('error', { cluster, error: errorText(names.error) })}
        </div>
        <Command.Item value="retry names" onSelect={() => void names.refetch()} className={ITEM}>
          {t('retry')}
        </Command.Item>
      </>
    );
  }
  const d = names.data;
  if (d.groupsPending) return <p className="px-3 py-1 text-xs text-amber-700">{t('groupsPending')}</p>;
  return null;
}
