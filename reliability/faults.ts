/**
 * Faults, with nothing lost: a real console process (next start) serves a real sandbox while its processes fail.
 * Per fault (SIGKILL of broker-b's master, SIGSTOP of it, SIGKILL of the namesrv), the operators' calls are made
 * during the fault: group list, a group page, a key lookup, a trace, a range scan, a reset preview, a redrive
 * preview, and a reset applied (previewed before the fault). Each must answer within its deadline, never with a
 * 500, either complete or naming what failed. Then the process comes back (the sandbox script restarts it) and the
 * same calls must answer complete again (time to recover). The resets applied during the faults are checked in
 * the audit log (an entry with an outcome that names the failed broker: rows lost = 0) and undone, and the
 * group's offsets are then what they were before (= mqadmin consumerProgress).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { consumerProgress } from '../test-support/mqadmin';
import { offlineGroupWithOffsets } from '../test-support/reset';
import { sandboxAdmin } from '../test-support/admin';
import { sandboxPid, waitProcessGone, type Sandbox } from '../test-support/sandbox';

const root = path.resolve(import.meta.dirname, '..');

export type FaultName = 'SIGKILL broker-b master' | 'SIGSTOP broker-b master' | 'SIGKILL namesrv';

export interface CallOutcome {
  fault: FaultName;
  call: string;
  status: number;
  ms: number;
  deadlineMs: number;
  /** The answer had every broker's part. */
  complete: boolean;
  /** The answer named the failed process (its brokerName or address, or the namesrv). */
  named: boolean;
  held: boolean;
  detail: string;
}

export interface FaultFigures {
  faults: number;
  calls: CallOutcome[];
  /** Per fault: ms from the process being back until every call answered complete again. */
  recoveryMs: Array<{ fault: FaultName; ms: number | null }>;
  resets: { applied: number; auditWithOutcome: number; auditLost: number; undone: number; restored: boolean; problems: string[] };
}

interface Answer {
  status: number;
  text: string;
  complete: boolean;
  ms: number;
}

interface Call {
  name: string;
  deadlineMs: number;
  /** The HTTP exchange; `timed` measures it against deadlineMs. */
  request(signal: AbortSignal): Promise<Omit<Answer, 'ms'>>;
}

const run = (call: Call) => timed(call.deadlineMs, (signal) => call.request(signal));

const postJson = (url: string, body: unknown, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });

// Each call's deadline is the console's own for it, at its defaults (3 s per request, 4 s per fan-out), plus 2 s
// for the HTTP round trip and the rest of the work.
/** A read that asks every broker once (a group page, a preview): the fan-out deadline. */
const READ_DEADLINE_MS = 4_000 + 2_000;
/** The lag snapshot asks for every group config with 10 s per request (a broker with 50,000 groups answers slowly). */
const SNAPSHOT_DEADLINE_MS = 10_000 + 2_000;
/** An index query (key, msgId, trace) allows 3 request timeouts per broker: a big index is slow to read. */
const INDEX_DEADLINE_MS = 3 * 3_000 + 2_000;
/** A reset call waits up to 3 request timeouts on a broker (it may be slow to set many queues). */
const CHANGE_DEADLINE_MS = 3 * 3_000 + 2_000;
/** The range scan's own deadline (a parameter of the call) */
const SCAN_DEADLINE_MS = 8_000;

async function timed(deadlineMs: number, fn: (signal: AbortSignal) => Promise<Omit<Answer, 'ms'>>): Promise<Answer> {
  const started = performance.now();
  // the client gives up at twice the deadline, so a hang shows as a failed call, not a stuck run
  const signal = AbortSignal.timeout(deadlineMs * 2);
  try {
    return { ...(await fn(signal)), ms: performance.now() - started };
  } catch (error) {
    return { status: 0, text: error instanceof Error ? error.message : String(error), complete: false, ms: performance.now() - started };
  }
}

const failuresOf = (body: unknown): unknown[] => {
  const f = (body as { failures?: unknown[] } | null)?.failures;
  return Array.isArray(f) ? f : [];
};

function calls(base: string, input: { group: string; msgId: string; key: string; resetGroup: string }): Call[] {
  const json = (answer: (signal: AbortSignal) => Promise<Response>) => async (signal: AbortSignal) => {
    const response = await answer(signal);
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // a non-JSON answer is a failure of its own: shown in the detail
    }
    return { status: response.status, text, complete: response.ok && failuresOf(body).length === 0 };
  };
  const get = (url: string) => json((signal) => fetch(url, { signal }));
  const post = (url: string, body: unknown) => json((signal) => postJson(url, body, signal));
  const now = Date.now();
  return [
    { name: 'group list (fresh snapshot)', deadlineMs: SNAPSHOT_DEADLINE_MS, request: get(`${base}/groups?refresh=1&sort=lag&limit=50`) },
    { name: 'group page (progress)', deadlineMs: READ_DEADLINE_MS, request: get(`${base}/groups/${input.group}/progress`) },
    { name: 'key lookup', deadlineMs: INDEX_DEADLINE_MS, request: get(`${base}/messages?topic=LabTopic&key=${encodeURIComponent(input.key)}`) },
    { name: 'trace lookup (then the message and its groups)', deadlineMs: INDEX_DEADLINE_MS, request: get(`${base}/traces/${input.msgId}?topic=LabTopic`) },
    {
      name: 'range scan',
      deadlineMs: SCAN_DEADLINE_MS + 2_000,
      request: async (signal) => {
        const response = await fetch(`${base}/topics/LabTopic/messages?begin=${now - 6 * 3_600_000}&end=${now}&limit=500&deadlineMs=${SCAN_DEADLINE_MS}`, { signal });
        const text = await response.text();
        const events = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { type: string; reason?: string });
        const done = events.at(-1)?.type === 'done';
        return { status: response.status, text, complete: response.ok && done && !events.some((e) => e.type === 'failure') };
      },
    },
    { name: 'reset preview', deadlineMs: READ_DEADLINE_MS, request: post(`${base}/groups/${input.resetGroup}/reset/preview`, { topic: 'LabTopic', mode: 'earliest' }) },
    { name: 'redrive preview', deadlineMs: READ_DEADLINE_MS, request: post(`${base}/changes/preview`, { action: 'dlq.redrive', request: { group: 'lab_cg_dlq', target: 'retry' } }) },
  ];
}

/** Restarts whatever is down in the sandbox (its start script leaves running processes alone) and waits for registration. */
async function restart(sandbox: Sandbox, env: Record<string, string>): Promise<void> {
  await promisify(execFile)('bash', [path.join(root, 'sandbox/scripts/start-cluster.sh')], { env: { ...process.env, ...env, RMQ_VERSION: sandbox.version, SANDBOX_DIR: sandbox.dir }, maxBuffer: 16 * 1024 * 1024 });
}

function waitDead(pid: number): Promise<void> {
  return waitProcessGone(pid, 10_000);
}

/**
 * Runs every fault once against `sandbox`, through the console at `consoleBase` (e.g. http://127.0.0.1:3178/api/clusters/local).
 * `sandboxEnv` is what the sandbox scripts need to find the sandbox (ports, directory) when it is not on its defaults.
 */
export async function faultFigures(sandbox: Sandbox, consoleBase: string, sandboxEnv: Record<string, string> = {}, log: (line: string) => void = () => undefined): Promise<FaultFigures> {
  const admin = sandboxAdmin(sandbox.namesrv);
  const applied: number[] = [];
  const figures: FaultFigures = { faults: 0, calls: [], recoveryMs: [], resets: { applied: 0, auditWithOutcome: 0, auditLost: 0, undone: 0, restored: true, problems: [] } };
  try {
    const found = (await (await fetch(`${consoleBase}/messages?topic=LabTopic&key=K-r1-1`)).json()) as { items?: Array<{ msgId: string }> };
    const msgId = found.items?.[0]?.msgId;
    if (!msgId) throw new Error('no message with key K-r1-1 in LabTopic: is the sandbox traffic seeded?');
    const resetGroup = `fault_reset_${Date.now().toString(36)}`;
    const original = await offlineGroupWithOffsets(admin, resetGroup, sandbox);
    // a broker writes committed offsets to disk every 5 s (flushConsumerOffsetInterval): one killed before that
    // forgets them, which is RocketMQ's loss, not the console's; the check starts once they are on disk
    await new Promise((r) => setTimeout(r, 6_000));
    const list = calls(consoleBase, { group: 'lab_cg_cluster', msgId, key: 'K-r1-1', resetGroup });
    const brokerB = sandbox.brokerBMaster;
    const faults: Array<{ name: FaultName; proc: string; names: string[]; inject: (pid: number) => Promise<void>; heal: (pid: number) => Promise<void> }> = [
      { name: 'SIGKILL broker-b master', proc: 'broker-b-0', names: ['broker-b', brokerB], inject: async (pid) => (process.kill(pid, 'SIGKILL'), waitDead(pid)), heal: () => restart(sandbox, sandboxEnv) },
      { name: 'SIGSTOP broker-b master', proc: 'broker-b-0', names: ['broker-b', brokerB], inject: async (pid) => void process.kill(pid, 'SIGSTOP'), heal: async (pid) => void process.kill(pid, 'SIGCONT') },
      { name: 'SIGKILL namesrv', proc: 'namesrv', names: ['namesrv', 'name server', sandbox.namesrv], inject: async (pid) => (process.kill(pid, 'SIGKILL'), waitDead(pid)), heal: () => restart(sandbox, sandboxEnv) },
    ];
    for (const fault of faults) {
      // every call answers complete before the fault: what fails after is the fault's doing
      await untilComplete(list, 90_000);
      const preview = (await (await postJson(`${consoleBase}/groups/${resetGroup}/reset/preview`, { topic: 'LabTopic', mode: 'earliest' })).json()) as { previewId: string };
      const pid = sandboxPid(fault.proc, sandbox);
      log(`fault: ${fault.name} (pid ${pid})`);
      await fault.inject(pid);
      figures.faults += 1;
      try {
        for (const call of list) figures.calls.push(outcome(fault.name, call.name, call.deadlineMs, await run(call), fault.names));
        const apply = await timed(CHANGE_DEADLINE_MS, async (signal) => {
          const response = await postJson(`${consoleBase}/groups/${resetGroup}/reset`, { previewId: preview.previewId, confirm: resetGroup }, signal);
          const text = await response.text();
          return { status: response.status, text, complete: response.ok && (JSON.parse(text) as { status?: string }).status === 'completed' };
        });
        figures.calls.push(outcome(fault.name, 'reset apply', CHANGE_DEADLINE_MS, apply, fault.names));
        const auditId = auditIdOf(apply.text);
        if (auditId !== undefined) applied.push(auditId);
        figures.resets.applied = applied.length;
      } finally {
        const healedAt = performance.now();
        await fault.heal(pid);
        // from the start of the heal (a restart included) until every call answers complete
        const recovered = (await untilComplete(list, 120_000)) ? Math.round(performance.now() - healedAt) : null;
        figures.recoveryMs.push({ fault: fault.name, ms: recovered });
        log(`  recovered in ${recovered === null ? 'never (120 s)' : `${recovered} ms`}`);
      }
    }
    // the applied resets, now that everything is back: each has an audit entry with an outcome, and undo restores
    for (const auditId of applied) {
      const entry = (await (await fetch(`${consoleBase}/audit/${auditId}`)).json()) as { status?: string; error?: string | null };
      if (!entry.status || entry.status === 'started' || entry.status === 'interrupted') {
        figures.resets.auditLost += 1;
        figures.resets.problems.push(`audit #${auditId}: ${entry.status ?? 'missing'}`);
        continue;
      }
      figures.resets.auditWithOutcome += 1;
      if (entry.status === 'failed') continue;
      const undo = (await (await fetch(`${consoleBase}/audit/${auditId}/undo/preview`, { method: 'POST' })).json()) as { previewId?: string; message?: string };
      if (!undo.previewId) {
        figures.resets.problems.push(`undo of #${auditId}: ${undo.message ?? 'no preview'}`);
        continue;
      }
      const done = await postJson(`${consoleBase}/audit/${auditId}/undo`, { previewId: undo.previewId, confirm: resetGroup });
      if (done.ok) figures.resets.undone += 1;
      else figures.resets.problems.push(`undo of #${auditId}: HTTP ${done.status} ${await done.text()}`);
    }
    const now = new Map((await consumerProgress(resetGroup, 'LabTopic', false, sandbox)).rows.map((r) => [`${r.brokerName}/${r.queueId}`, r.consumerOffset]));
    figures.resets.restored = [...original].every(([q, offset]) => now.get(q) === offset);
    if (!figures.resets.restored) figures.resets.problems.push(`offsets after undo differ from before (mqadmin): ${[...original].filter(([q, o]) => now.get(q) !== o).map(([q, o]) => `${q} ${o} -> ${now.get(q)}`).join(', ')}`);
    return figures;
  } finally {
    admin.close();
  }
}

function auditIdOf(text: string): number | undefined {
  try {
    return (JSON.parse(text) as { auditId?: number }).auditId;
  } catch {
    return undefined;
  }
}

function outcome(fault: FaultName, call: string, deadlineMs: number, r: Answer, names: string[]): CallOutcome {
  const { text, ms } = r;
  const named = names.some((n) => text.includes(n));
  const held = r.status !== 0 && r.status !== 500 && ms <= deadlineMs && (r.complete || named) && !/\bat [\w.<>]+ \(.*:\d+:\d+\)/.test(text);
  return { fault, call, status: r.status, ms: Math.round(ms), deadlineMs, complete: r.complete, named, held, detail: text.slice(0, 300) };
}

/** Calls every call until all answer complete (true), or false past `withinMs`. */
async function untilComplete(list: Call[], withinMs: number): Promise<boolean> {
  const started = performance.now();
  for (;;) {
    const results = await Promise.all(list.map(run));
    if (results.every((r) => r.complete)) return true;
    if (performance.now() - started > withinMs) return false;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
