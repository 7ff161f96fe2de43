import { getClusterOverview } from '@/lib/console/cluster/overview';
import { respond } from '../_lib/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET() {
  return respond('/api/clusters', () => getClusterOverview());
}
