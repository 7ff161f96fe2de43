/** How a command prints: aligned columns for people, the console's JSON answer, or one JSON row per line. */
export type OutputFormat = 'table' | 'json' | 'ndjson';

export interface Column<R> {
  header: string;
  value: (row: R) => string | number | undefined;
  /** Numbers are right-aligned: a column of offsets reads by magnitude. */
  align?: 'left' | 'right';
}

/** What one command prints: the answer as a whole (--json), its rows (--ndjson, the table), and notes for people. */
export interface Printed<R> {
  answer: unknown;
  rows: R[];
  columns: Array<Column<R>>;
  /** Lines after the table: totals, the data's age. Never in --json/--ndjson. */
  notes?: string[];
  /** Brokers that did not answer: stderr in every format. */
  partial?: string[];
  empty?: string;
}

export interface Out {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processOut: Out = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Unknown is '-', never 0. */
export function cell(value: string | number | undefined): string {
  if (value === undefined) return '-';
  return typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : value;
}

export function table<R>(rows: R[], columns: Array<Column<R>>): string {
  const cells = rows.map((r) => columns.map((c) => cell(c.value(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values.map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}

export function print<R>(printed: Printed<R>, format: OutputFormat, out: Out): void {
  for (const p of printed.partial ?? []) out.stderr(`warning: partial answer: ${p}\n`);
  if (format === 'json') return out.stdout(JSON.stringify(printed.answer, null, 2) + '\n');
  if (format === 'ndjson') {
    for (const row of printed.rows) out.stdout(JSON.stringify(row) + '\n');
    return;
  }
  if (printed.rows.length === 0) out.stdout(`${printed.empty ?? 'nothing to show'}\n`);
  else out.stdout(table(printed.rows, printed.columns));
  for (const note of printed.notes ?? []) out.stdout(`${note}\n`);
}

/** A time as operators read it in a terminal: UTC ISO with its age ("2026-12-02 16:40:05Z, 3m ago"). */
export function when(ms: number | undefined, now = Date.now()): string | undefined {
  if (ms === undefined || ms <= 0) return undefined;
  const iso = new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return `${iso} (${age(now - ms)})`;
}

export function age(ms: number): string {
  if (ms < 0) return `in ${age(-ms).replace(/ ago$/, '')}`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m ago`;
  return `${Math.floor(s / 86_400)}d${Math.floor((s % 86_400) / 3600)}h ago`;
}

/** The failures of a partial answer, one line per broker. */
export function failuresOf(answer: { failures?: Array<{ brokerName?: string; addr?: string; error?: string }> }): string[] {
  return (answer.failures ?? []).map((f) => `${f.brokerName ?? '?'} (${f.addr ?? '?'}): ${f.error ?? 'no answer'}`);
}
