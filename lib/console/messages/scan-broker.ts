import { isRemotingError } from '../../remoting';
import type { BrokerData } from '../../rocketmq/get-broker-cluster-info';

/**
 * The nodes of one brokerName a scan reads from: the master first, then its replicas. A transport failure (refused,
 * closed, late) moves every later call to the next node, so a scan keeps going on a replica when the master is
 * down but still listed in the route. An answer with an error code is final: a replica would say the same.
 */
export class BrokerReader {
  private current = 0;
  readonly addrs: string[];

  constructor(readonly brokerName: string, brokerAddrs: Map<number, string>) {
    this.addrs = [...brokerAddrs].sort(([a], [b]) => a - b).map(([, addr]) => addr);
  }

  static fromRoute(brokerDatas: BrokerData[]): Map<string, BrokerReader> {
    return new Map(brokerDatas.filter((b) => b.brokerAddrs.size > 0).map((b) => [b.brokerName, new BrokerReader(b.brokerName, b.brokerAddrs)]));
  }

  /** The node calls go to now. */
  get addr(): string {
    return this.addrs[this.current]!;
  }

  async call<T>(fn: (addr: string) => Promise<T>): Promise<T> {
    for (;;) {
      const index = this.current;
      try {
        return await fn(this.addrs[index]!);
      } catch (error) {
        const transport = isRemotingError(error) && error.kind !== 'response';
        if (!transport || index >= this.addrs.length - 1) throw error;
        // several calls may fail on the same node at once: move on once, not once per call
        this.current = Math.max(this.current, index + 1);
      }
    }
  }
}
