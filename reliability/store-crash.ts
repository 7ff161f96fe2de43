/**
 * kill -9 of a process writing to the store: audit entries and lag history, concurrently (store-writer.ts). After
 * each kill the database is opened again and checked: it opens (SQLite: PRAGMA integrity_check says ok), every
 * audit entry, progress part and outcome the writer had acknowledged is there with its content, and every
 * acknowledged lag sample is complete (all its group rows). Figures: kills, acknowledged writes, rows lost.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type StoreOptions } from '../lib/console/store';

const root = path.resolve(import.meta.dirname, '..');

export interface StoreCrashFigures {
  kind: 'sqlite' | 'postgres';
  kills: number;
  acknowledged: { entries: number; progress: number; outcomes: number; lagSamples: number };
  lost: { entries: number; progress: number; outcomes: number; lagRows: number };
  /** SQLite: runs whose integrity check did not say ok; PostgreSQL: reopen failures. */
  unreadable: number;
  problems: string[];
}

interface Acks {
  begun: Map<number, number>;
  progress: Set<number>;
  finished: Set<number>;
  lag: number[];
}

/**
 * Starts the writer, lets it write for killAfterMs after it opened the store, and longer while `enough` says its
 * acknowledgements are too few (30 s at most), then SIGKILL; its acknowledgements.
 */
async function writeAndKill(options: StoreOptions, killAfterMs: number, groups: number, enough: (acks: Acks) => boolean = () => true): Promise<Acks> {
  // node itself with tsx as a loader: the pid killed is the writer's (tsx's cli would run it in a child of its own)
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'reliability/store-writer.ts'), JSON.stringify(options), String(groups)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Acks = { begun: new Map(), progress: new Set(), finished: new Set(), lag: [] };
  let pending = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [what, a, b] = line.split(' ');
        // the process that writes must be the one killed (not a wrapper around it)
        if (what === 'open' && Number(a) !== child.pid) reject(new Error(`the writer runs as pid ${a}, not as the child ${child.pid}: the kill would miss it`));
        else if (what === 'open') {
          const latest = Date.now() + killAfterMs + 30_000;
          const killWhenEnough = () => (enough(acks) || Date.now() > latest ? (child.kill('SIGKILL'), resolve()) : setTimeout(killWhenEnough, 50));
          setTimeout(killWhenEnough, killAfterMs);
        }
        else if (what === 'begin') acks.begun.set(Number(a), Number(b));
        else if (what === 'progress') acks.progress.add(Number(a));
        else if (what === 'finish') acks.finished.add(Number(a));
        else if (what === 'lag') acks.lag.push(Number(a));
      }
    });
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`store writer exited with ${code}: ${stderr.slice(-500)}`))));
  });
  await exited;
  return acks;
}

/**
 * Runs `kills` write-and-kill rounds on one database (each round adds to what the previous left) and checks it after
 * each. `atLeast`: the acknowledgements the rounds must add up to; the last round then writes past its moment until they do
 * (on a busy machine the rounds before it may have written little), so a caller's check has that much to check.
 */
export async function storeCrashFigures(
  options: StoreOptions,
  input: { kills: number; groups?: number; seed?: number; atLeast?: { entries: number; outcomes: number; lagSamples: number } } = { kills: 5 },
): Promise<StoreCrashFigures> {
  const kind = options.databaseUrl ? 'postgres' : 'sqlite';
  const groups = input.groups ?? 200;
  const figures: StoreCrashFigures = { kind, kills: 0, acknowledged: { entries: 0, progress: 0, outcomes: 0, lagSamples: 0 }, lost: { entries: 0, progress: 0, outcomes: 0, lagRows: 0 }, unreadable: 0, problems: [] };
  let seed = input.seed ?? 1;
  // a spread of moments: right after opening, mid-stream, later (deterministic for a given seed)
  const nextDelay = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), 50 + (seed % 1200));
  for (let k = 0; k < input.kills; k++) {
    const { atLeast } = input;
    const before = { ...figures.acknowledged };
    const enough =
      atLeast && k === input.kills - 1
        ? (a: Acks) => before.entries + a.begun.size > atLeast.entries && before.outcomes + a.finished.size > atLeast.outcomes && before.lagSamples + a.lag.length > atLeast.lagSamples
        : undefined;
    const acks = await writeAndKill(options, nextDelay(), groups, enough);
    figures.kills += 1;
    figures.acknowledged.entries += acks.begun.size;
    figures.acknowledged.progress += acks.progress.size;
    figures.acknowledged.outcomes += acks.finished.size;
    figures.acknowledged.lagSamples += acks.lag.length;
    if (options.sqlitePath) {
      const check = new Database(options.sqlitePath, { readonly: false });
      const result = check.pragma('integrity_check', { simple: true });
      check.close();
      if (result !== 'ok') {
        figures.unreadable += 1;
        figures.problems.push(`kill ${k + 1}: integrity_check said ${String(result)}`);
      }
    }
    let store;
    try {
      store = await openStore(options);
    } catch (error) {
      figures.unreadable += 1;
      figures.problems.push(`kill ${k + 1}: the store did not open: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    try {
      for (const [id, n] of acks.begun) {
        const entry = await store.audit.get(id);
        if (!entry || (entry.params as { n?: number }).n !== n) {
          figures.lost.entries += 1;
          figures.problems.push(`kill ${k + 1}: audit entry #${id} was acknowledged and is ${entry ? 'different' : 'gone'}`);
          continue;
        }
        if (acks.finished.has(id)) {
          if (entry.outcome?.status !== 'completed') {
            figures.lost.outcomes += 1;
            figures.problems.push(`kill ${k + 1}: the outcome of #${id} is gone`);
          }
        } else if (acks.progress.has(id) && !entry.outcome && entry.progress.length !== 1) {
          // (an outcome written but not yet acknowledged when the kill came supersedes the progress: not a loss)
          figures.lost.progress += 1;
          figures.problems.push(`kill ${k + 1}: the progress of #${id} is gone`);
        }
      }
      for (const t of acks.lag) {
        const rows = await countLagRows(store, t, groups);
        if (rows === groups) continue;
        figures.lost.lagRows += rows < 0 ? groups : groups - rows;
        figures.problems.push(`kill ${k + 1}: lag sample ${t} was acknowledged and is ${rows < 0 ? 'split (some of its rows only)' : 'gone'}`);
      }
    } finally {
      await store.close();
    }
  }
  return figures;
}

/** Group rows of one sample instant, read through the store's own series query (a few groups; all would be slow). */
async function countLagRows(store: Awaited<ReturnType<typeof openStore>>, t: number, groups: number): Promise<number> {
  const probes = [0, Math.floor(groups / 2), groups - 1];
  let present = 0;
  for (const g of probes) if ((await store.lag.groupSeries('c', `lag_g${g}`, t, t)).some((r) => r.t === t)) present += 1;
  // a sample is one transaction: all of it or none; the probes say which (and a split sample shows as a mismatch)
  return present === probes.length ? groups : present === 0 ? 0 : -1;
}
