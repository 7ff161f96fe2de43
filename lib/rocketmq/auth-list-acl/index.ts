import type { RemotingCommand, RemotingRequest } from '../../remoting';
import type { AclInfo, Decision, PolicyType } from '../acl-model';
import { RequestCode, ResponseCode } from '../codes';
import { NOT_CONFIGURED, notConfigured } from '../acl-model';
import { asArray, asObject, asString, optString, parseFastjson, type JsonValue } from '../fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/**
 * AUTH_LIST_ACL (3010, ACL 2.0 brokers 5.3+): every subject's policies this broker keeps, filtered by a part of the
 * subject and of the resource. No body = none. `unsupported` where the broker lacks ACL 2.0.
 */
export type ListAclsResult = { kind: 'acls'; acls: AclInfo[] } | { kind: 'unsupported'; reason: string };

export function authListAclRequest(filter: { subject?: string; resource?: string } = {}): RemotingRequest {
  const extFields: Record<string, string> = {};
  if (filter.subject) extFields.subjectFilter = filter.subject;
  if (filter.resource) extFields.resourceFilter = filter.resource;
  return { code: RequestCode.AUTH_LIST_ACL, extFields };
}

const strings = (v: JsonValue | undefined): string[] => (v === undefined || v === null ? [] : asArray(v, 'list').map((s) => asString(s, 'item')));

export function decodeAclInfo(value: JsonValue): AclInfo {
  const o = asObject(value, 'AclInfo');
  return {
    subject: asString(o.subject, 'subject'),
    policies: (o.policies === undefined || o.policies === null ? [] : asArray(o.policies, 'policies')).map((p) => {
      const policy = asObject(p, 'policy');
      return {
        policyType: (optString(policy.policyType) ?? 'Custom') as PolicyType,
        entries: (policy.entries === undefined || policy.entries === null ? [] : asArray(policy.entries, 'entries')).map((e) => {
          const entry = asObject(e, 'entry');
          return { resource: asString(entry.resource, 'resource'), actions: strings(entry.actions), sourceIps: strings(entry.sourceIps), decision: (optString(entry.decision) ?? 'Allow') as Decision };
        }),
      };
    }),
  };
}

export function decodeAuthListAcl(reply: RemotingCommand, addr = ''): ListAclsResult {
  if (reply.code === ResponseCode.REQUEST_CODE_NOT_SUPPORTED) return { kind: 'unsupported', reason: 'the broker has no ACL 2.0 (RocketMQ 5.3 or later)' };
  if (notConfigured(reply)) return { kind: 'unsupported', reason: NOT_CONFIGURED };
  expectCode(reply, addr, RequestCode.AUTH_LIST_ACL);
  if (!reply.body || reply.body.length === 0) return { kind: 'acls', acls: [] };
  const acls = asArray(parseFastjson(reply.body), 'acls').map(decodeAclInfo);
  return { kind: 'acls', acls: acls.sort((a, b) => a.subject.localeCompare(b.subject)) };
}

export async function authListAcl(invoker: Invoker, brokerAddr: string, filter: { subject?: string; resource?: string } = {}, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ListAclsResult> {
  return decodeAuthListAcl(await invoker.invoke(brokerAddr, authListAclRequest(filter), { timeoutMs }), brokerAddr);
}
