import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { call, requireBody, type Invoker } from '../invoke';

/** GET_BROKER_CONFIG (26): the broker's effective configuration (Java properties text) and its data version. */
export interface BrokerConfig {
  properties: Record<string, string>;
  version?: string;
}

export function getBrokerConfigRequest(): RemotingRequest {
  return { code: RequestCode.GET_BROKER_CONFIG };
}

export function decodeBrokerConfig(reply: RemotingCommand): BrokerConfig {
  return { properties: parseProperties(requireBody(reply, 'broker config').toString('utf8')), version: reply.extFields.version };
}

/** java.util.Properties text: key=value lines, # comments, \\-escapes (what Properties.store writes). */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (!m) continue;
    out[unescape(m[1]!)] = unescape(m[2]!);
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[e] ?? e;
  });
}

export function getBrokerConfig(invoker: Invoker, brokerAddr: string, timeoutMs?: number): Promise<BrokerConfig> {
  return call(invoker, brokerAddr, getBrokerConfigRequest(), decodeBrokerConfig, timeoutMs);
}
