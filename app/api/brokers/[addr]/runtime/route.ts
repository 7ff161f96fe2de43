import { z } from 'zod';
import { getBrokerRuntime } from '@/lib/console/cluster/overview';
import { pathParam, respond } from '../../../_lib/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const Addr = z.string().regex(/^[A-Za-z0-9.\-\[\]:]+:\d{1,5}$/, 'addr must be host:port');

export function GET(_request: Request, { params }: { params: Promise<{ addr: string }> }) {
  return respond('/api/brokers/[addr]/runtime', async () => {
    const addr = z.object({ addr: Addr }).parse({ addr: pathParam((await params).addr, 'addr') }).addr;
    return getBrokerRuntime(addr);
  });
}
