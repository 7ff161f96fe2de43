/** Formatting shared by every page: numbers with separators, rates, ratios, bytes, durations. */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatCount(value: number | undefined | null): string {
  return value === undefined || value === null || Number.isNaN(value) ? '—' : integer.format(value);
}

export function formatTps(value: number | undefined | null): string {
  return value === undefined || value === null || Number.isNaN(value) ? '—' : twoDecimals.format(value);
}

/** A 0..1 ratio as a percentage ("24.0 %"). */
export function formatRatio(value: number | undefined | null): string {
  return value === undefined || value === null || Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)} %`;
}

export function formatBytes(value: number | undefined | null): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** How a language writes a number of seconds, minutes, hours and days ("4 s"; "4 秒"). */
export type DurationUnits = Record<'s' | 'min' | 'h' | 'd', (n: number) => string>;

const ENGLISH_UNITS: DurationUnits = { s: (n) => `${n} s`, min: (n) => `${n} min`, h: (n) => `${n} h`, d: (n) => `${n} d` };

/** "4 s", "3 min", "2 h 5 min", "3 d 4 h": an age or a duration in words an operator scans quickly. */
export function formatDuration(ms: number, units: DurationUnits = ENGLISH_UNITS): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return units.s(s);
  const m = Math.floor(s / 60);
  if (m < 60) return units.min(m);
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${units.h(h)} ${units.min(m % 60)}` : units.h(h);
  const d = Math.floor(h / 24);
  return h % 24 ? `${units.d(d)} ${units.h(h % 24)}` : units.d(d);
}

/** One string per queue (topic, brokerName, queueId), for maps keyed by queue. */
export function queueKey(q: { topic: string; brokerName: string; queueId: number }): string {
  return `${q.topic}\u0001${q.brokerName}\u0001${q.queueId}`;
}
