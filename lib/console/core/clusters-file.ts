import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { ROLES } from './roles';

/** Cluster names go into URLs, metric labels and store rows: letters, digits, '.', '_' and '-'; '_' first is reserved. */
export const CLUSTER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const HOST_PORT = /^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/;

/** A value, or the name of an environment variable that holds it (so secrets stay out of the file). */
const secret = (what: string) =>
  z.union([z.string().min(1, `${what} is empty`), z.object({ env: z.string().min(1, 'env names no variable') }).strict()], {
    message: `${what} must be a string or { env: VARIABLE }`,
  });

const ClusterEntry = z
  .object({
    name: z.string({ message: 'name is required' }).regex(CLUSTER_NAME_PATTERN, 'name may hold letters, digits, ".", "_" and "-" (64 at most), and starts with a letter or digit'),
    namesrv: z
      .union([z.string(), z.array(z.string())], { message: 'namesrv must be "host:port[;host:port]" or a list of host:port' })
      .transform((v) => (Array.isArray(v) ? v : v.split(/[;,]/)).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(HOST_PORT, 'each namesrv must be host:port')).min(1, 'namesrv lists no address')),
    traceTopic: z.string().min(1).optional(),
    readOnly: z.boolean({ message: 'readOnly must be true or false' }).optional(),
    requestTimeoutMs: z.number().int().positive().optional(),
    fanOutDeadlineMs: z.number().int().positive().optional(),
    credentials: z.object({ accessKey: z.string().min(1, 'accessKey is empty'), secretKey: secret('secretKey') }).strict().optional(),
    /** 5.x proxies' remoting addresses (host:port); others are found through their heartbeat-syncer group. */
    proxies: z.array(z.string().regex(HOST_PORT, 'each proxy must be host:port (its remoting port)')).optional(),
    /** The remoting port of proxies found by discovery (default 8080). */
    proxyRemotingPort: z.number().int().min(1).max(65535).optional(),
  })
  .strict();

const OidcSection = z
  .object({
    issuer: z.url({ message: 'issuer must be a URL' }).optional(),
    clientId: z.string().min(1).optional(),
    clientSecret: secret('clientSecret').optional(),
    scopes: z.string().optional(),
    label: z.string().optional(),
    usernameClaim: z.string().min(1).optional(),
    roleClaim: z.string().min(1).optional(),
    roles: z
      .array(
        z
          .object({
            value: z.string().min(1, 'value is empty'),
            role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
            clusters: z.array(z.string().min(1)).min(1).default(['*']),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

const FileSchema = z
  .object({
    clusters: z.array(ClusterEntry, { message: 'clusters must be a list' }).min(1, 'clusters lists no cluster'),
    defaultCluster: z.string().optional(),
    auth: z
      .object({
        mode: z.enum(['on', 'off']).optional(),
        sessionTtlHours: z.number().positive().optional(),
        oidc: OidcSection.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.clusters.forEach((c, i) => {
      if (seen.has(c.name)) ctx.addIssue({ code: 'custom', path: ['clusters', i, 'name'], message: `cluster name "${c.name}" is used twice` });
      seen.add(c.name);
    });
    if (file.defaultCluster !== undefined && !seen.has(file.defaultCluster)) {
      ctx.addIssue({ code: 'custom', path: ['defaultCluster'], message: `defaultCluster "${file.defaultCluster}" is not one of the clusters (${[...seen].join(', ')})` });
    }
  });

type Secret = string | { env: string };
type RawFile = z.infer<typeof FileSchema>;

/** The clusters file with its secrets resolved from the environment. */
export type ClustersFile = Omit<RawFile, 'clusters' | 'auth'> & {
  clusters: Array<Omit<RawFile['clusters'][number], 'credentials'> & { credentials?: { accessKey: string; secretKey: string } }>;
  auth?: Omit<NonNullable<RawFile['auth']>, 'oidc'> & { oidc?: Omit<NonNullable<NonNullable<RawFile['auth']>['oidc']>, 'clientSecret'> & { clientSecret?: string } };
};

/** A clusters file that cannot be used: the message names the file and the key. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly key?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function readClustersFile(file: string, env: Readonly<Record<string, string | undefined>>): ClustersFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`CONSOLE_CONFIG ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseClustersFile(text, file, env);
}

export function parseClustersFile(text: string, file: string, env: Readonly<Record<string, string | undefined>>): ClustersFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new ConfigError(`CONSOLE_CONFIG ${file}: not valid YAML or JSON${where}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = keyPath(issue.path);
    const unknown = issue.code === 'unrecognized_keys' ? `${key ? `${key}: ` : ''}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : undefined;
    throw new ConfigError(`CONSOLE_CONFIG ${file}: ${unknown ?? `${key || '(top level)'}: ${issue.message}`}`, key || undefined);
  }
  const resolve = (value: Secret, key: string): string => {
    if (typeof value === 'string') return value;
    const found = env[value.env];
    if (found === undefined || found === '') throw new ConfigError(`CONSOLE_CONFIG ${file}: ${key}: environment variable ${value.env} is not set`, key);
    return found;
  };
  const { clusters, auth, ...rest } = parsed.data;
  const out: ClustersFile = {
    ...rest,
    clusters: clusters.map(({ credentials, ...c }, i) => ({
      ...c,
      ...(credentials ? { credentials: { accessKey: credentials.accessKey, secretKey: resolve(credentials.secretKey, `clusters[${i}].credentials.secretKey`) } } : {}),
    })),
  };
  if (auth) {
    const { oidc, ...authRest } = auth;
    out.auth = authRest;
    if (oidc) {
      const { clientSecret, ...oidcRest } = oidc;
      out.auth.oidc = { ...oidcRest, ...(clientSecret === undefined ? {} : { clientSecret: resolve(clientSecret, 'auth.oidc.clientSecret') }) };
    }
  }
  return out;
}

/** zod's path as the key an operator reads in the file: clusters[1].namesrv. */
function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}
