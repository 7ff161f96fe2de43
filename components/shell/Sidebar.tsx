'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const NAV = [
  { href: '/cluster', label: 'Cluster', match: ['/cluster', '/brokers'] },
  { href: '/topics', label: 'Topics', match: ['/topics'] },
  { href: '/groups', label: 'Consumer groups', match: ['/groups'] },
  { href: '/messages', label: 'Messages', match: ['/messages'] },
  { href: '/traces', label: 'Traces', match: ['/traces'] },
  { href: '/audit', label: 'Audit log', match: ['/audit'] },
] as const;

export function Sidebar({ namesrv }: { namesrv: string }) {
  const pathname = usePathname();
  return (
    <aside className="flex w-52 shrink-0 flex-col bg-slate-900 text-slate-200">
      <Link href="/cluster" className="flex items-center gap-2 px-4 py-4 text-white">
        <span className="grid h-7 w-7 place-items-center rounded bg-orange-500 text-sm font-bold">R</span>
        <span className="whitespace-nowrap font-semibold tracking-tight">RocketMQ Console</span>
      </Link>
      <nav aria-label="Main" className="flex flex-col gap-0.5 px-2">
        {NAV.map((item) => {
          const active = item.match.some((m) => pathname === m || pathname.startsWith(`${m}/`));
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`rounded px-3 py-2 text-sm ${active ? 'bg-slate-700 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`}
            >
              {item.label}
            </Link>
          );
        })}
      </nav>
      <div className="mt-auto border-t border-slate-800 px-4 py-3 text-xs text-slate-400">
        <div className="uppercase tracking-wide text-slate-500">Namesrv</div>
        <div className="font-mono text-slate-300" data-testid="namesrv-addr">{namesrv}</div>
      </div>
    </aside>
  );
}
