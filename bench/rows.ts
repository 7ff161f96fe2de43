/**
 * One line of the bench's side-by-side summary (issue 15): a figure, ours, the reference measured in the same run
 * (Java client, bare RPC floor, mqadmin), their ratio and the goal; a figure that misses its goal says why.
 */
export interface BenchRow {
  figure: string;
  ours: string;
  reference?: string;
  ratio?: string;
  goal?: string;
  met?: boolean;
  why?: string;
}

/** The rows as a plain-text table: met / NOT met (why). */
export function rowsTable(rows: readonly BenchRow[]): string {
  const headers = ['figure', 'ours', 'reference', 'ratio', 'goal', 'met'];
  const cells = rows.map((r) => [r.figure, r.ours, r.reference ?? '', r.ratio ?? '', r.goal ?? '', r.met === undefined ? '' : r.met ? 'met' : `NOT met${r.why ? ` (${r.why})` : ''}`]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
