import { notFound, redirect } from 'next/navigation';
import { theConsole } from '../_lib/console';

/** Pages of the one-cluster console, by their first segment: they now live under /clusters/{cluster}. */
const LEGACY: Record<string, string> = { cluster: '', brokers: '/brokers', topics: '/topics', groups: '/groups', messages: '/messages', traces: '/traces', audit: '/audit' };

/** Old links (/groups/x, /topics?search=) keep working: they land on the same page of the default cluster. */
export default async function LegacyPage({ params, searchParams }: { params: Promise<{ legacy: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [first, ...rest] = (await params).legacy;
  const section = first === undefined ? undefined : LEGACY[first];
  if (section === undefined || (first === 'cluster' && rest.length > 0)) notFound();
  const query = new URLSearchParams(Object.entries(await searchParams).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x])))).toString();
  const tail = rest.map(encodeURIComponent).join('/');
  redirect(`/clusters/${encodeURIComponent(theConsole().defaultCluster)}${section}${tail ? `/${tail}` : ''}${query ? `?${query}` : ''}`);
}
