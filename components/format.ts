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

/** "4 s", "3 min", "2 h 5 min", "3 d 4 h": an age or a duration in words an operator scans quickly. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** One string per queue (topic, brokerName, queueId), for maps keyed by queue. */
export function queueKey(q: { topic: string; brokerName: string; queueId: number }): string {
  return `${q.topic}\u0001${q.brokerName}\u0001${q.queueId}`;
}
