import { redirect } from 'next/navigation';
import { theConsole } from './_lib/console';

export const dynamic = 'force-dynamic';

export default function Home() {
  redirect(`/clusters/${encodeURIComponent(theConsole().defaultCluster)}`);
}
