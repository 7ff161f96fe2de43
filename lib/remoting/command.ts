/** A RemotingCommand as it travels: one frame, either a request or a response (flag bit 0). */
export interface RemotingCommand {
  code: number;
  language: string;
  version: number;
  opaque: number;
  flag: number;
  remark?: string;
  extFields: Record<string, string>;
  body?: Buffer;
  serializeType: SerializeType;
}

/** What a caller supplies; the connection fills in opaque, flag, language and version. */
export interface RemotingRequest {
  code: number;
  extFields?: Record<string, string>;
  body?: Buffer;
  /** Overrides the default protocol version for this request (ACL needs 399 on some calls). */
  version?: number;
  /** Header fields sent but left out of the ACL signature (a broker that leaves them out of its own check). */
  unsignedFields?: readonly string[];
}

export type SerializeType = 'JSON' | 'ROCKETMQ';

export const FLAG_RESPONSE = 1;
export const FLAG_ONEWAY = 2;

/** Ordinal of MQVersion.Version.V5_3_3: standard route JSON needs >= 401 (protocol sheet §1). */
export const DEFAULT_PROTOCOL_VERSION = 479;

/** LanguageCode ordinals, for the binary header. Older servers mishandle unknown names, so we send JAVA. */
export const LANGUAGE_CODES = [
  'JAVA', 'CPP', 'DOTNET', 'PYTHON', 'DELPHI', 'ERLANG', 'RUBY', 'OTHER', 'HTTP', 'GO', 'PHP', 'OMS', 'RUST', 'NODE_JS',
] as const;

export function isResponse(command: RemotingCommand): boolean {
  return (command.flag & FLAG_RESPONSE) === FLAG_RESPONSE;
}

export function isOneway(command: RemotingCommand): boolean {
  return (command.flag & FLAG_ONEWAY) === FLAG_ONEWAY;
}

/** Header fields are sent as strings: the server parses typed fields with parseInt/parseLong/"true". */
export type ExtFieldValue = string | number | bigint | boolean | null | undefined;

export function extFields(fields: Record<string, ExtFieldValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    out[key] = String(value);
  }
  return out;
}
