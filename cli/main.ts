/**
 * rmqc: the console's terminal command. It speaks the console's HTTP API with an API token, so the token's roles
 * apply and every change lands in the same audit log as the web's, with the channel `cli`.
 */
import { createInterface } from 'node:readline/promises';
import { Command, CommanderError, Option } from 'commander';
import { completionScript } from './completion';
import { contextOf, type CommandContext, type GlobalOptions } from './context';
import { CliError, EXIT } from './exit-codes';
import { processOut, type Out } from './output';
import { registerMessageCommands } from './commands/messages';
import { registerReadCommands } from './commands/read';
import { registerResetCommands } from './commands/reset';
import { registerChangeCommands } from './commands/changes';

export interface Io {
  out: Out;
  env: Record<string, string | undefined>;
  /** A line from the person at the terminal; undefined without one. */
  ask: CommandContext['ask'];
}

export function buildProgram(io: Io): Command {
  const program = new Command('rmqc')
    .description('Apache RocketMQ from the terminal, through the console: its roles, its previews, its audit log')
    .version('0.1.0')
    .addOption(new Option('--url <url>', 'the console (default $RMQC_URL)'))
    .addOption(new Option('--token <token>', 'an API token of the console (default $RMQC_TOKEN)'))
    .addOption(new Option('--namesrv <host:port>', 'no console: read the cluster directly, read-only (default $RMQC_NAMESRV; \';\'-separated for several)'))
    .addOption(new Option('-c, --cluster <name>', "the cluster, as the console's clusters file names it (default $RMQC_CLUSTER, else the console's default)"))
    .option('--json', "the console's whole answer as JSON")
    .option('--ndjson', 'one JSON row per line')
    .option('--strict', 'exit 7 when some brokers did not answer (default: rows, and a warning on stderr)')
    .configureOutput({ writeOut: (s) => io.out.stdout(s), writeErr: (s) => io.out.stderr(s) })
    .exitOverride()
    .showHelpAfterError()
    .addHelpText(
      'after',
      [
        '',
        'Set up once:',
        '  export RMQC_URL=http://console.example:3000 RMQC_TOKEN=<a token from Settings, API tokens>',
        'or, for reads where no console runs:',
        '  export RMQC_NAMESRV=namesrv.example:9876',
        'Examples:',
        '  rmqc groups list --page-size 10',
        '  rmqc groups progress lab_cg_cluster',
        '  rmqc reset lab_cg_cluster --topic LabTopic --to -2h',
        '  rmqc trace 7F000001...',
        '',
        'Exit codes: 0 ok, 1 unexpected, 2 bad usage or input, 3 not signed in or not allowed, 4 not found,',
        '5 refused as it stands (a change running, a stale or unexpected preview), 6 the console or cluster did not',
        'answer, 7 partial (with --strict, or a change applied to some queues only).',
      ].join('\n'),
    );

  const run =
    (action: (c: CommandContext, ...args: string[]) => Promise<void>) =>
    async (...args: unknown[]): Promise<void> => {
      const c = await contextOf(program.opts<GlobalOptions>(), io.env, io.ask, io.out);
      try {
        await action(c, ...(args as string[]));
      } finally {
        await c.api.close?.();
      }
    };
  registerReadCommands(program, run);
  registerResetCommands(program, run);
  registerChangeCommands(program, run);
  registerMessageCommands(program, run);
  program
    .command('completion')
    .argument('<shell>', 'bash or zsh')
    .description('prints a completion script: rmqc completion bash > /etc/bash_completion.d/rmqc; zsh: source <(rmqc completion zsh)')
    .action((shell: string) => {
      if (shell !== 'bash' && shell !== 'zsh') throw new CliError(`completion: "${shell}" is not bash or zsh`, EXIT.USAGE);
      io.out.stdout(completionScript(program, shell));
    });
  return program;
}

/** Runs one command line; resolves with the exit code (it never calls process.exit, so tests can run it in-process). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version are not failures; commander has printed what it had to say
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.OK : EXIT.USAGE;
    }
    if (error instanceof CliError) {
      io.out.stderr(`rmqc: ${error.message}\n`);
      return error.exitCode;
    }
    io.out.stderr(`rmqc: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.FAILED;
  }
}

/** A question on stderr, the answer from stdin: only when both ends are a terminal. */
async function askTerminal(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

export async function main(): Promise<void> {
  // `rmqc scan ... | head`: the reader has gone, which is not a failure of the command
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.OK);
    throw error;
  });
  process.exitCode = await runCli(process.argv.slice(2), { out: processOut, env: process.env, ask: askTerminal });
}
