/**
 * Times of the range form. The inputs (datetime-local) show the browser's zone; the URL holds UTC ISO-8601, so a
 * shared link means the same instant for a colleague in another zone.
 */
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-24T07:05:09" in the browser's zone, as a datetime-local input wants it. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A datetime-local value read in the browser's zone; undefined when it is not a time. */
export function fromLocalInput(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** The URL form: UTC, whole seconds when the time has no milliseconds. */
export function toUrlTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function fromUrlTime(value: string): number | undefined {
  if (value === '') return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
