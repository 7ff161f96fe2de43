/** Latency and throughput of a run of calls, measured the same way on both sides. */
export interface Measurement {
  call: string;
  mode: 'sequential' | 'pipelined';
  calls: number;
  seconds: number;
  callsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** The p-th percentile (nearest rank) of values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function measure(call: string, mode: Measurement['mode'], latenciesMs: Float64Array, totalMs: number): Measurement {
  const sorted = Float64Array.from(latenciesMs).sort();
  const n = sorted.length;
  return {
    call,
    mode,
    calls: n,
    seconds: totalMs / 1000,
    callsPerSec: n / (totalMs / 1000),
    p50Ms: sorted[Math.floor(n / 2)]!,
    p99Ms: sorted[Math.min(n - 1, Math.ceil(n * 0.99) - 1)]!,
  };
}

export async function sequential(n: number, fn: () => Promise<unknown>): Promise<{ lat: Float64Array; total: number }> {
  const lat = new Float64Array(n);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    lat[i] = performance.now() - s;
  }
  return { lat, total: performance.now() - t0 };
}

/** Keeps `window` calls in flight until n are done. */
export async function pipelined(n: number, window: number, fn: () => Promise<unknown>): Promise<{ lat: Float64Array; total: number }> {
  const lat = new Float64Array(n);
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const s = performance.now();
      await fn();
      lat[i] = performance.now() - s;
    }
  };
  await Promise.all(Array.from({ length: window }, worker));
  return { lat, total: performance.now() - t0 };
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
