import type { StoredMessage } from '../../rocketmq/stored-message';

/**
 * The console-side text filter: a lower-cased needle found in the keys, a property value or the body read as
 * UTF-8. Brokers cannot do this (their filters are tags and SQL92 on properties), so it runs here, after the pull.
 */
export function matchesText(m: StoredMessage, needle: string, bodies = true): boolean {
  if (m.keys.some((k) => k.toLowerCase().includes(needle))) return true;
  for (const value of Object.values(m.properties)) if (value.toLowerCase().includes(needle)) return true;
  // a body left compressed (unknown codec) has no text to search
  if (!bodies || m.bodyCompressed || m.body.length === 0) return false;
  return m.body.toString('utf8').toLowerCase().includes(needle);
}
