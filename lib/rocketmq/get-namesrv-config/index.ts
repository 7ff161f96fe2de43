import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { decodeBrokerConfig, type BrokerConfig } from '../get-broker-config';
import { call, type Invoker } from '../invoke';

/** GET_NAMESRV_CONFIG (319) at one namesrv: its configuration as properties text, as GET_BROKER_CONFIG answers. */
export function getNamesrvConfigRequest(): RemotingRequest {
  return { code: RequestCode.GET_NAMESRV_CONFIG };
}

export function getNamesrvConfig(invoker: Invoker, namesrvAddr: string, timeoutMs?: number): Promise<BrokerConfig> {
  return call(invoker, namesrvAddr, getNamesrvConfigRequest(), decodeBrokerConfig, timeoutMs);
}
