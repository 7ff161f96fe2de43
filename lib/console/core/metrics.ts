import client from 'prom-client';
import { RequestCode } from '../../rocketmq/codes';
import type { CallObserver } from './admin';

/**
 * The console's own Prometheus figures: HTTP requests and remoting calls, labelled by cluster. Feature gauges (lag)
 * register themselves on `registry` from their own module; this one imports no feature.
 */
export interface ConsoleMetrics {
  registry: client.Registry;
  httpRequests: client.Counter<'route' | 'method' | 'status'>;
  httpDuration: client.Histogram<'route'>;
  brokerCalls: client.Counter<'cluster' | 'addr' | 'request' | 'outcome'>;
  brokerCallDuration: client.Histogram<'cluster' | 'request'>;
}

const REQUEST_NAMES = new Map<number, string>(Object.entries(RequestCode).map(([name, code]) => [code, name]));
export function requestName(code: number): string {
  return REQUEST_NAMES.get(code) ?? String(code);
}

export function createMetrics(): ConsoleMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'rocketmq_console_' });
  return {
    registry,
    httpRequests: new client.Counter({ name: 'rocketmq_console_http_requests_total', help: 'API requests answered', labelNames: ['route', 'method', 'status'], registers: [registry] }),
    httpDuration: new client.Histogram({ name: 'rocketmq_console_http_request_duration_seconds', help: 'API request latency', labelNames: ['route'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] }),
    brokerCalls: new client.Counter({ name: 'rocketmq_console_broker_calls_total', help: 'Remoting calls to namesrvs and brokers by outcome', labelNames: ['cluster', 'addr', 'request', 'outcome'], registers: [registry] }),
    brokerCallDuration: new client.Histogram({ name: 'rocketmq_console_broker_call_duration_seconds', help: 'Remoting call latency', labelNames: ['cluster', 'request'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 3], registers: [registry] }),
  };
}

/** The observer an AdminClient reports its calls to, counting them under the cluster's name. */
export function brokerCallObserver(metrics: ConsoleMetrics, cluster: string): CallObserver {
  return ({ addr, code, outcome, ms }) => {
    const request = requestName(code);
    metrics.brokerCalls.inc({ cluster, addr, request, outcome });
    if (outcome === 'ok' || outcome.startsWith('code_')) metrics.brokerCallDuration.observe({ cluster, request }, ms / 1000);
  };
}

export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
