import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { asArray, asObject, optBoolean, optNumber, optObject, optString, parseFastjson } from '../fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, requireBody, type Invoker } from '../invoke';

/**
 * GET_BROKER_HA_STATUS (907, brokers 5.0+): a master's view of its slaves (how far behind each one's acknowledged
 * commit-log offset is, in sync or not), or a slave's view of its master. `unsupported` on 4.x (code 3) or without
 * an HA service (code 1).
 */
export interface HaSlaveConnection {
  /** The slave's HA connection address (host:ephemeral port), not its broker address. */
  addr: string;
  slaveAckOffset: number;
  /** Master's write position minus the slave's acknowledged offset, in bytes. */
  diff: number;
  /** diff below haMaxGapNotInSync (256 MiB by default). */
  inSync: boolean;
  transferredBytesPerSecond: number;
}

export interface HaStatus {
  kind: 'status';
  master: boolean;
  /** Master: its commit-log max offset, its slaves and how many are in sync. */
  masterCommitLogMaxOffset: number;
  inSyncSlaveNums: number;
  slaves: HaSlaveConnection[];
  /** Slave: the master it replicates from (its HA port) and how far it has got. */
  client?: { masterAddr?: string; maxOffset: number; lastReadTimestamp: number; lastWriteTimestamp: number; transferredBytesPerSecond: number };
}

export type HaStatusResult = HaStatus | { kind: 'unsupported'; reason: string };

export function getBrokerHaStatusRequest(): RemotingRequest {
  return { code: RequestCode.GET_BROKER_HA_STATUS };
}

export function decodeBrokerHaStatus(reply: RemotingCommand, addr = ''): HaStatusResult {
  if (reply.code === ResponseCode.REQUEST_CODE_NOT_SUPPORTED) return { kind: 'unsupported', reason: 'the broker reports no HA status (4.x)' };
  if (reply.code === ResponseCode.SYSTEM_ERROR && /HARuntimeInfo/i.test(reply.remark ?? '')) return { kind: 'unsupported', reason: reply.remark! };
  expectCode(reply, addr, RequestCode.GET_BROKER_HA_STATUS);
  const root = asObject(parseFastjson(requireBody(reply, 'HARuntimeInfo')), 'HARuntimeInfo');
  const client = optObject(root.haClientRuntimeInfo);
  const master = optBoolean(root.master) ?? false;
  return {
    kind: 'status',
    master,
    masterCommitLogMaxOffset: optNumber(root.masterCommitLogMaxOffset) ?? 0,
    inSyncSlaveNums: optNumber(root.inSyncSlaveNums) ?? 0,
    slaves: asArray(root.haConnectionInfo ?? [], 'haConnectionInfo').map((c) => {
      const o = asObject(c, 'HAConnectionRuntimeInfo');
      return {
        addr: optString(o.addr) ?? '',
        slaveAckOffset: optNumber(o.slaveAckOffset) ?? 0,
        diff: optNumber(o.diff) ?? 0,
        inSync: optBoolean(o.inSync) ?? false,
        transferredBytesPerSecond: optNumber(o.transferredByteInSecond) ?? 0,
      };
    }),
    client:
      !master && client
        ? {
            masterAddr: optString(client.masterAddr),
            maxOffset: optNumber(client.maxOffset) ?? 0,
            lastReadTimestamp: optNumber(client.lastReadTimestamp) ?? 0,
            lastWriteTimestamp: optNumber(client.lastWriteTimestamp) ?? 0,
            transferredBytesPerSecond: optNumber(client.transferredByteInSecond) ?? 0,
          }
        : undefined,
  };
}

export async function getBrokerHaStatus(invoker: Invoker, brokerAddr: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<HaStatusResult> {
  return decodeBrokerHaStatus(await invoker.invoke(brokerAddr, getBrokerHaStatusRequest(), { timeoutMs }), brokerAddr);
}
