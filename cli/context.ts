import { ConsoleApi, type Api } from './http';
import { CliError, EXIT } from './exit-codes';
import { print, processOut, type OutputFormat, type Out, type Printed } from './output';

/** The options every command takes (commander's global options, with the environment as defaults). */
export interface GlobalOptions {
  url?: string;
  namesrv?: string;
  token?: string;
  cluster?: string;
  json?: boolean;
  ndjson?: boolean;
  strict?: boolean;
}

/** What a command runs with: the console's API, how to print, where to write, and how to ask a person. */
export interface CommandContext {
  api: Api;
  format: OutputFormat;
  strict: boolean;
  out: Out;
  /** A line typed by the person at the terminal; undefined when there is no terminal (a script, CI). */
  ask: (question: string) => Promise<string | undefined>;
}

export async function contextOf(options: GlobalOptions, env: Record<string, string | undefined>, ask: CommandContext['ask'], out: Out = processOut): Promise<CommandContext> {
  if (options.json && options.ndjson) throw new CliError('--json and --ndjson: pick one', EXIT.USAGE);
  const namesrv = options.namesrv ?? (options.url ? undefined : env.RMQC_NAMESRV);
  const url = options.url ?? env.RMQC_URL;
  if (namesrv && options.url) throw new CliError('--url and --namesrv: pick one (a console, or the namesrv directly for reads)', EXIT.USAGE);
  if (!namesrv && !url) throw new CliError('no console to ask: pass --url <console URL> or set RMQC_URL (and --token or RMQC_TOKEN); for reads without a console, --namesrv host:port', EXIT.USAGE);
  // direct mode loads the console's use cases: only when asked for, so a call through a console starts fast
  const api: Api = namesrv
    ? (await import('./direct')).DirectApi.open(namesrv)
    : new ConsoleApi({ url: url!, token: options.token ?? env.RMQC_TOKEN, cluster: options.cluster ?? env.RMQC_CLUSTER ?? '_default' });
  return { api, format: options.json ? 'json' : options.ndjson ? 'ndjson' : 'table', strict: options.strict ?? false, out, ask };
}

/** What a command's action is wrapped in: the context built from the global options, closed after the action. */
export type Run = (action: (c: CommandContext, ...args: string[]) => Promise<void>) => (...args: unknown[]) => Promise<void>;

/** Prints, and with --strict turns a partial answer into its exit code. */
export function show<R>(c: CommandContext, printed: Printed<R>): void {
  print(printed, c.format, c.out);
  if (c.strict && (printed.partial?.length ?? 0) > 0) throw new CliError(`${printed.partial!.length} broker(s) did not answer (--strict)`, EXIT.PARTIAL);
}
