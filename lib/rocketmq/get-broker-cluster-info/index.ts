import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asArray, asObject, asString, entries, optBoolean, optString, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';

/** GET_BROKER_CLUSTER_INFO (106) at a namesrv: every broker group and the clusters they belong to. */
export interface BrokerData {
  cluster: string;
  brokerName: string;
  /** brokerId -> address; 0 is the master. */
  brokerAddrs: Map<number, string>;
  enableActingMaster?: boolean;
  zoneName?: string;
}

export interface ClusterInfo {
  brokers: Map<string, BrokerData>;
  /** clusterName -> brokerNames */
  clusters: Map<string, string[]>;
}

export function getBrokerClusterInfoRequest(): RemotingRequest {
  return { code: RequestCode.GET_BROKER_CLUSTER_INFO };
}

export function decodeClusterInfo(reply: RemotingCommand): ClusterInfo {
  const root = asObject(parseFastjson(requireBody(reply, 'ClusterInfo')), 'ClusterInfo');
  const brokers = new Map<string, BrokerData>();
  for (const [name, value] of entries(asObject(root.brokerAddrTable ?? {}, 'brokerAddrTable'))) {
    brokers.set(String(name), decodeBrokerData(asObject(value, `brokerAddrTable.${String(name)}`)));
  }
  const clusters = new Map<string, string[]>();
  for (const [name, value] of entries(asObject(root.clusterAddrTable ?? {}, 'clusterAddrTable'))) {
    clusters.set(String(name), asArray(value, 'clusterAddrTable').map((b) => asString(b, 'brokerName')).sort());
  }
  return { brokers, clusters };
}

/** BrokerData also appears in route data; its address map has unquoted Long keys in fastjson. */
export function decodeBrokerData(o: ReturnType<typeof asObject>): BrokerData {
  const brokerAddrs = new Map<number, string>();
  for (const [id, addr] of entries(asObject(o.brokerAddrs ?? {}, 'brokerAddrs'))) {
    brokerAddrs.set(Number(id), asString(addr, 'brokerAddr'));
  }
  return {
    cluster: optString(o.cluster) ?? '',
    brokerName: asString(o.brokerName, 'brokerName'),
    brokerAddrs: new Map([...brokerAddrs].sort(([a], [b]) => a - b)),
    enableActingMaster: optBoolean(o.enableActingMaster),
    zoneName: optString(o.zoneName),
  };
}

export function getBrokerClusterInfo(invoker: Invoker, namesrvAddr: string, timeoutMs?: number): Promise<ClusterInfo> {
  return call(invoker, namesrvAddr, getBrokerClusterInfoRequest(), decodeClusterInfo, timeoutMs);
}
