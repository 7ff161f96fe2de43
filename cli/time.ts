import { CliError, EXIT } from './exit-codes';

const RELATIVE = /^-(\d+(?:\.\d+)?)(s|m|h|d)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * A time an operator types: epoch milliseconds, an ISO 8601 time with its zone (2026-12-02T15:00:00+08:00, or Z), or
 * a time ago (-30m, -2h, -1d). A time without a zone is refused: in a terminal nobody can tell whose clock it meant,
 * and a reset by the wrong hour replays or skips an hour of messages.
 */
export function parseTime(text: string, option: string, now = Date.now()): number {
  const value = text.trim();
  const relative = RELATIVE.exec(value);
  if (relative) return now - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS];
  if (/^\d{10,}$/.test(value)) return Number(value);
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    throw new CliError(`${option}: "${text}" has no zone: add Z or an offset (2026-12-02T15:00:00+08:00), or give epoch ms or a time ago (-2h)`, EXIT.USAGE);
  }
  const ms = Date.parse(value.replace(' ', 'T'));
  if (Number.isNaN(ms)) throw new CliError(`${option}: "${text}" is not a time (ISO 8601 with a zone, epoch ms, or -30m / -2h / -1d)`, EXIT.USAGE);
  return ms;
}
