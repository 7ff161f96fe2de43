/**
 * The part of autocannon 9 that reliability/load.ts uses (the package ships no types; @types/autocannon would be a
 * second dependency for five fields).
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    /** Called before each send: the returned request is the one sent (a fresh path per request). */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as a timeout (and the connection is made again). */
    timeout?: number;
    requests?: Request[];
    title?: string;
  }

  /** Milliseconds; percentile keys as autocannon names them (p99_9 = 99.9th). */
  export interface Histogram {
    mean: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    total?: number;
  }

  export interface Result {
    title?: string;
    latency: Histogram;
    requests: Histogram & { sent: number };
    /** Socket errors, timeouts included. */
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }

  export type Instance = EventEmitter & PromiseLike<Result> & { stop(): void };

  export default function autocannon(options: Options): Instance;
}
