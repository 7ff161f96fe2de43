/** Console settings from the environment (design.md, "Configuration"). Read once per process. */
export interface ConsoleConfig {
  /** host:port of every namesrv of the cluster. */
  namesrvAddrs: string[];
  traceTopic: string;
  /** Deadline of one call to one broker or namesrv. */
  requestTimeoutMs: number;
  /** Deadline of a whole page's fan-out to brokers: late brokers become partial-answer entries. */
  fanOutDeadlineMs: number;
  maxFrameBytes: number;
  /** Key of this cluster's rows in the store (lag history, audit): CLUSTER_KEY, default "default". */
  clusterKey: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const namesrvAddrs = (env.NAMESRV_ADDR ?? '127.0.0.1:9876')
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    namesrvAddrs,
    traceTopic: env.TRACE_TOPIC || 'RMQ_SYS_TRACE_TOPIC',
    requestTimeoutMs: positiveInt(env.RMQ_REQUEST_TIMEOUT_MS, 3000),
    fanOutDeadlineMs: positiveInt(env.RMQ_FANOUT_DEADLINE_MS, 4000),
    maxFrameBytes: positiveInt(env.RMQ_MAX_FRAME_BYTES, 64 * 1024 * 1024),
    clusterKey: env.CLUSTER_KEY?.trim() || 'default',
  };
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
