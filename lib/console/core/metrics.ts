import client from 'prom-client';
import { RequestCode } from '../../rocketmq/codes';
import { getSnapshotService } from '../lag/service';

/**
 * Prometheus metrics (GET /api/metrics): consumer lag from the background snapshot (computed at scrape time, so
 * 10,000 groups cost no memory between scrapes), and the console's own HTTP and broker-call figures.
 */
interface ConsoleMetrics {
  registry: client.Registry;
  httpRequests: client.Counter<'route' | 'method' | 'status'>;
  httpDuration: client.Histogram<'route'>;
  brokerCalls: client.Counter<'addr' | 'request' | 'outcome'>;
  brokerCallDuration: client.Histogram<'request'>;
}

const REQUEST_NAMES = new Map<number, string>(Object.entries(RequestCode).map(([name, code]) => [code, name]));
export function requestName(code: number): string {
  return REQUEST_NAMES.get(code) ?? String(code);
}

function create(): ConsoleMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'rocketmq_console_' });
  const perGroup = (name: string, help: string, value: (g: NonNullable<ReturnType<ReturnType<typeof getSnapshotService>['peek']>>['groups'][number], asOf: number) => number | undefined) =>
    new client.Gauge({
      name,
      help,
      labelNames: ['group'],
      registers: [registry],
      collect() {
        this.reset();
        const s = getSnapshotService().peek();
        for (const g of s?.groups ?? []) {
          const v = value(g, s!.asOf);
          if (v !== undefined) this.set({ group: g.group }, v);
        }
      },
    });
  perGroup('rocketmq_consumer_group_lag', 'Messages behind, summed over the group\'s queues', (g) => g.lag);
  perGroup('rocketmq_consumer_group_lag_age_seconds', 'Age of the group\'s oldest unconsumed message', (g, asOf) => (g.oldestUnconsumedTimestamp === undefined ? 0 : (asOf - g.oldestUnconsumedTimestamp) / 1000));
  perGroup('rocketmq_consumer_group_clients', 'Online clients of the group', (g) => g.clients);
  perGroup('rocketmq_consumer_group_consume_tps', 'Consume TPS the brokers report for the group', (g) => g.consumeTps);
  new client.Gauge({
    name: 'rocketmq_console_lag_snapshot_age_seconds',
    help: 'How old the lag snapshot the metrics come from is',
    registers: [registry],
    collect() {
      const s = getSnapshotService().peek();
      this.set(s ? (Date.now() - s.asOf) / 1000 : -1);
    },
  });
  new client.Gauge({
    name: 'rocketmq_console_lag_snapshot_duration_seconds',
    help: 'How long the last lag snapshot took to build',
    registers: [registry],
    collect() {
      const s = getSnapshotService().peek();
      this.set(s ? s.durationMs / 1000 : -1);
    },
  });
  return {
    registry,
    httpRequests: new client.Counter({ name: 'rocketmq_console_http_requests_total', help: 'API requests answered', labelNames: ['route', 'method', 'status'], registers: [registry] }),
    httpDuration: new client.Histogram({ name: 'rocketmq_console_http_request_duration_seconds', help: 'API request latency', labelNames: ['route'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] }),
    brokerCalls: new client.Counter({ name: 'rocketmq_console_broker_calls_total', help: 'Remoting calls to namesrvs and brokers by outcome', labelNames: ['addr', 'request', 'outcome'], registers: [registry] }),
    brokerCallDuration: new client.Histogram({ name: 'rocketmq_console_broker_call_duration_seconds', help: 'Remoting call latency', labelNames: ['request'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 3], registers: [registry] }),
  };
}

/**
 * The per-queue lag series, written straight from the snapshot as Prometheus text: 10,000 groups can mean 100,000+
 * series, and prom-client keeps an object per label set, which cost hundreds of MB at that scale.
 */
export function queueLagExposition(): string {
  const s = getSnapshotService().peek();
  const lines: string[] = [
    '# HELP rocketmq_consumer_lag Messages behind per queue (broker offset - consumer offset), from the latest lag snapshot',
    '# TYPE rocketmq_consumer_lag gauge',
  ];
  const ages: string[] = [
    '# HELP rocketmq_consumer_lag_age_seconds Age of the oldest unconsumed message per queue',
    '# TYPE rocketmq_consumer_lag_age_seconds gauge',
  ];
  for (const g of s?.groups ?? []) {
    const group = escapeLabel(g.group);
    for (const q of g.queues) {
      const labels = `{group="${group}",topic="${escapeLabel(q.topic)}",broker="${escapeLabel(q.brokerName)}",queue="${q.queueId}"}`;
      lines.push(`rocketmq_consumer_lag${labels} ${q.lag}`);
      if (q.oldestUnconsumedTimestamp !== undefined) ages.push(`rocketmq_consumer_lag_age_seconds${labels} ${(s!.asOf - q.oldestUnconsumedTimestamp) / 1000}`);
    }
  }
  return `${lines.join('\n')}\n${ages.join('\n')}\n`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

const holder = globalThis as typeof globalThis & { __consoleMetrics?: ConsoleMetrics };
export function metrics(): ConsoleMetrics {
  holder.__consoleMetrics ??= create();
  return holder.__consoleMetrics;
}
