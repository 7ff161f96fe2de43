import { getBrokerConfig } from '../../rocketmq/get-broker-config';
import type { AdminClient, BrokerNode } from '../core/admin';
import type { ResetMethod } from './types';

const TTL_MS = 5 * 60_000;

/**
 * Whether a master resets groups itself (5.1+ with useServerSideResetOffset, the default): then it works for online
 * and offline groups and per queue. Otherwise (4.9) the broker can only push a time-based reset to online clients,
 * and an offline group's offsets are committed directly, as mqadmin does. Read from the broker's config, kept for
 * a few minutes per broker address (one cache per cluster).
 */
export class ResetMethodCache {
  private readonly byAddr = new Map<string, { at: number; serverSide: boolean }>();

  async serverSide(admin: AdminClient, node: BrokerNode): Promise<boolean> {
    const hit = this.byAddr.get(node.addr);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.serverSide;
    const { properties } = await getBrokerConfig(admin, node.addr, admin.config.requestTimeoutMs);
    const serverSide = properties.useServerSideResetOffset === 'true';
    this.byAddr.set(node.addr, { at: Date.now(), serverSide });
    return serverSide;
  }
}

export function methodFor(serverSide: boolean, online: boolean): ResetMethod {
  if (serverSide) return 'server-side';
  return online ? 'client-push' : 'commit';
}
