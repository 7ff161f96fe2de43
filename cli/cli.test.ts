import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildProgram, runCli, type Io } from './main';
import { completionScript } from './completion';
import { EXIT, exitCodeOfStatus } from './exit-codes';
import { age, cell, table, when } from './output';
import { previewDigest } from './commands/reset';
import { planDigest } from './commands/changes';
import { parseTime } from './time';

function capture(env: Record<string, string | undefined> = {}): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: { stdout: (s) => void stdout.push(s), stderr: (s) => void stderr.push(s) }, ask: async () => undefined };
}

describe('rmqc output', () => {
  it('aligns columns, numbers to the right, and shows an unknown value as "-", never 0', () => {
    const text = table(
      [
        { name: 'lab_cg_cluster', lag: 1234, tps: undefined },
        { name: 'g', lag: 5, tps: 0 },
      ],
      [
        { header: 'GROUP', value: (r: { name: string }) => r.name },
        { header: 'LAG', value: (r: { lag: number }) => r.lag, align: 'right' },
        { header: 'TPS', value: (r: { tps?: number }) => r.tps, align: 'right' },
      ],
    );
    expect(text).toBe(['GROUP             LAG  TPS', 'lab_cg_cluster  1,234    -', 'g                   5    0', ''].join('\n'));
    expect(cell(undefined)).toBe('-');
    expect(cell(0)).toBe('0');
  });

  it('writes times in UTC with their age, and no time for an unknown one', () => {
    const now = Date.parse('2026-12-02T16:00:00Z');
    expect(when(Date.parse('2026-12-02T15:57:00Z'), now)).toBe('2026-12-02 15:57:00Z (3m ago)');
    expect(when(0, now)).toBeUndefined();
    expect(age(2 * 86_400_000 + 3_600_000)).toBe('2d1h ago');
  });
});

describe('rmqc times', () => {
  const now = Date.parse('2026-12-02T16:00:00Z');
  it('reads ISO times with a zone, epoch ms and times ago', () => {
    expect(parseTime('2026-12-02T15:00:00Z', '--to', now)).toBe(Date.parse('2026-12-02T15:00:00Z'));
    expect(parseTime('2026-12-02 23:00:00+08:00', '--to', now)).toBe(Date.parse('2026-12-02T15:00:00Z'));
    expect(parseTime('1764687600000', '--to', now)).toBe(1764687600000);
    expect(parseTime('-2h', '--to', now)).toBe(now - 7_200_000);
    expect(parseTime('-30m', '--to', now)).toBe(now - 1_800_000);
  });
  it('refuses a time without a zone, naming the option', () => {
    expect(() => parseTime('2026-12-02T15:00:00', '--to', now)).toThrow(/--to: .*has no zone/);
    expect(() => parseTime('yesterday', '--begin', now)).toThrow(/--begin/);
  });
});

describe('rmqc reset preview digest', () => {
  const preview = {
    group: 'g',
    mode: 'latest' as const,
    queues: [
      { topic: 'T', brokerName: 'broker-a', queueId: 0, targetOffset: 10, currentOffset: 3, brokerOffset: 10, minOffset: 0, delta: 7 },
      { topic: 'T', brokerName: 'broker-b', queueId: 1, targetOffset: 4, currentOffset: 4, brokerOffset: 4, minOffset: 0, delta: 0 },
    ],
  };
  it('is the same for the same targets in any order, and changes with a target', () => {
    const d = previewDigest(preview);
    expect(d).toMatch(/^[0-9a-f]{12}$/);
    expect(previewDigest({ ...preview, queues: [...preview.queues].reverse() })).toBe(d);
    expect(previewDigest({ ...preview, queues: [{ ...preview.queues[0]!, targetOffset: 11 }, preview.queues[1]!] })).not.toBe(d);
    expect(previewDigest({ ...preview, group: 'h' })).not.toBe(d);
  });
});

describe('rmqc change plan digest', () => {
  const plan = {
    action: 'topic.upsert',
    target: { kind: 'topic' as const, name: 'T' },
    lines: [
      { where: 'broker-a', field: 'readQueueNums', before: '4', after: '6' },
      { where: 'broker-b', field: 'readQueueNums', before: null, after: '6' },
    ],
  };
  it('names the same plan the same in any line order, and a different before, after or target differently', () => {
    const d = planDigest(plan);
    expect(planDigest({ ...plan, lines: [...plan.lines].reverse() })).toBe(d);
    expect(planDigest({ ...plan, lines: [plan.lines[0]!, { ...plan.lines[1]!, before: '4' }] })).not.toBe(d);
    expect(planDigest({ ...plan, lines: [plan.lines[0]!, { ...plan.lines[1]!, after: '8' }] })).not.toBe(d);
    expect(planDigest({ ...plan, target: { kind: 'topic', name: 'U' } })).not.toBe(d);
  });
});

describe('rmqc exit codes and usage', () => {
  it('maps the console\'s answers to codes scripts can branch on', () => {
    expect([400, 401, 403, 404, 409, 502, 504, 500].map(exitCodeOfStatus)).toEqual([
      EXIT.USAGE, EXIT.DENIED, EXIT.DENIED, EXIT.NOT_FOUND, EXIT.CONFLICT, EXIT.UNAVAILABLE, EXIT.UNAVAILABLE, EXIT.FAILED,
    ]);
  });

  it('refuses bad usage with 2 and says what is missing, before asking any console', async () => {
    const io = capture({ RMQC_URL: 'http://127.0.0.1:9' });
    expect(await runCli(['reset', 'g', '--latest'], io)).toBe(EXIT.USAGE);
    expect(io.stderr.join('')).toContain('pass --topic <topic> or --all-topics');
    const noUrl = capture();
    expect(await runCli(['groups', 'list'], noUrl)).toBe(EXIT.USAGE);
    expect(noUrl.stderr.join('')).toContain('--url');
    const both = capture({ RMQC_URL: 'http://127.0.0.1:9' });
    expect(await runCli(['reset', 'g', '--topic', 'T', '--latest', '--earliest'], both)).toBe(EXIT.USAGE);
    expect(both.stderr.join('')).toContain('exactly one of');
    const zone = capture({ RMQC_URL: 'http://127.0.0.1:9' });
    expect(await runCli(['reset', 'g', '--topic', 'T', '--to', '2026-12-02 15:00'], zone)).toBe(EXIT.USAGE);
    expect(zone.stderr.join('')).toContain('--to');
    const unknown = capture();
    expect(await runCli(['groupz'], unknown)).toBe(EXIT.USAGE);
    expect(unknown.stderr.join('')).toContain("unknown command 'groupz'");
  });

  it('says a console that does not answer is unavailable (6)', async () => {
    const io = capture({ RMQC_URL: 'http://127.0.0.1:9' });
    expect(await runCli(['brokers'], io)).toBe(EXIT.UNAVAILABLE);
    expect(io.stderr.join('')).toContain('did not answer');
  });

  it('prints help with examples and exits 0', async () => {
    const io = capture();
    expect(await runCli(['reset', '--help'], io)).toBe(EXIT.OK);
    expect(io.stdout.join('')).toContain('--expect-preview');
    expect(io.stdout.join('')).toContain('Examples:');
  });
});

describe('rmqc completion', () => {
  const program = buildProgram(capture());
  const complete = (shell: 'bash' | 'zsh', words: string[]) =>
    execFileSync('bash', ['-c', `${completionScript(program, shell).replace(/^autoload.*\n/, '')}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _rmqc_complete; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);

  it('completes commands, subcommands and options in bash, from the program itself', () => {
    expect(complete('bash', ['rmqc', 'gr'])).toEqual(['groups']);
    expect(complete('bash', ['rmqc', 'topics', ''])).toEqual(expect.arrayContaining(['list', 'status', 'route']));
    expect(complete('bash', ['rmqc', 'reset', 'lab_cg', '--exp'])).toEqual(['--expect-preview']);
    expect(complete('bash', ['rmqc', '--json', 'groups', 'list', '--so'])).toEqual(['--sort']);
  });

  it('gives zsh the same through bashcompinit', () => {
    const zsh = completionScript(program, 'zsh');
    expect(zsh.split('\n')[0]).toContain('bashcompinit');
    expect(zsh).toContain(completionScript(program, 'bash').split('\n').slice(1).join('\n'));
  });
});
