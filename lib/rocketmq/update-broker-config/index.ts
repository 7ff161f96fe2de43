import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/** key=value lines as java.util.Properties reads them (\, =, :, # and ! escaped; non-ASCII as \uXXXX). */
export function propertiesText(entries: Record<string, string>): string {
  const escape = (s: string, key: boolean) =>
    s
      .replace(/[\\=:#!]/g, (c) => `\\${c}`)
      .replace(key ? /[ ]/g : /^ /, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(/\t/g, '\\t')
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Object.entries(entries).map(([k, v]) => `${escape(k, true)}=${escape(v, false)}\n`).join('');
}

/**
 * UPDATE_BROKER_CONFIG (25) at one broker: sets the given keys (body: properties text) and rewrites the broker's
 * config file with all its keys. An unknown key is ignored and still answered 0: read the config back (26) to know.
 * Keys in the broker's configBlackList are refused with 16.
 */
export function updateBrokerConfigRequest(entries: Record<string, string>): RemotingRequest {
  return { code: RequestCode.UPDATE_BROKER_CONFIG, body: Buffer.from(propertiesText(entries), 'utf8') };
}

export async function updateBrokerConfig(invoker: Invoker, brokerAddr: string, entries: Record<string, string>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const request = updateBrokerConfigRequest(entries);
  expectCode(await invoker.invoke(brokerAddr, request, { timeoutMs }), brokerAddr, request.code);
}
