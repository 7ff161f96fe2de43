import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asArray, asNumber, asObject, asString, optString, parseFastjson } from '../fastjson';
import { decodeBrokerData, type BrokerData } from '../get-broker-cluster-info';
import { call, requireBody, type Invoker } from '../invoke';

/** GET_ROUTEINFO_BY_TOPIC (105) at a namesrv: the brokers and queues of a topic; code 17 if it is unknown. */
export interface QueueData {
  brokerName: string;
  readQueueNums: number;
  writeQueueNums: number;
  /** Bits: 4 read, 2 write, 1 inherit, 8 priority. */
  perm: number;
  topicSysFlag: number;
}

export interface TopicRouteData {
  brokerDatas: BrokerData[];
  queueDatas: QueueData[];
  orderTopicConf?: string;
}

export function getRouteInfoByTopicRequest(topic: string): RemotingRequest {
  return {
    code: RequestCode.GET_ROUTEINFO_BY_TOPIC,
    extFields: extFields({ topic, acceptStandardJsonOnly: true }),
  };
}

export function decodeTopicRouteData(reply: RemotingCommand): TopicRouteData {
  const root = asObject(parseFastjson(requireBody(reply, 'TopicRouteData')), 'TopicRouteData');
  const brokerDatas = asArray(root.brokerDatas ?? [], 'brokerDatas')
    .map((b) => decodeBrokerData(asObject(b, 'brokerData')))
    .sort((a, b) => a.brokerName.localeCompare(b.brokerName));
  const queueDatas = asArray(root.queueDatas ?? [], 'queueDatas')
    .map((q) => {
      const o = asObject(q, 'queueData');
      return {
        brokerName: asString(o.brokerName, 'queueData.brokerName'),
        readQueueNums: asNumber(o.readQueueNums, 'readQueueNums'),
        writeQueueNums: asNumber(o.writeQueueNums, 'writeQueueNums'),
        perm: asNumber(o.perm, 'perm'),
        topicSysFlag: asNumber(o.topicSysFlag ?? 0, 'topicSysFlag'),
      };
    })
    .sort((a, b) => a.brokerName.localeCompare(b.brokerName));
  return { brokerDatas, queueDatas, orderTopicConf: optString(root.orderTopicConf) };
}

export function getRouteInfoByTopic(
  invoker: Invoker,
  namesrvAddr: string,
  topic: string,
  timeoutMs?: number,
): Promise<TopicRouteData> {
  return call(invoker, namesrvAddr, getRouteInfoByTopicRequest(topic), decodeTopicRouteData, timeoutMs);
}

/** "RW-" style text for perm bits, as mqadmin prints them. */
export function permText(perm: number): string {
  return `${perm & 4 ? 'R' : '-'}${perm & 2 ? 'W' : '-'}${perm & 1 ? 'X' : '-'}`;
}
