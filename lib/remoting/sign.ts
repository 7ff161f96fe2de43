import { createHmac } from 'node:crypto';
import type { RemotingRequest } from './command';

/** An account of RocketMQ's ACL: 1.0 (plain_acl.yml accessKey/secretKey) or 2.0 (username/password). */
export interface AclCredentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/** Changes a request just before it is framed (RocketMQ's RPCHook.doBeforeRequest). */
export type RequestHook = (request: RemotingRequest) => RemotingRequest;

export const ACCESS_KEY = 'AccessKey';
export const SECRET_TOKEN = 'SecurityToken';
export const SIGNATURE = 'Signature';

/**
 * The signature the official AclClientRPCHook computes: the header values (AccessKey and SecurityToken included,
 * Signature left out) in the order of their keys as Java's TreeMap sorts them (UTF-16 code units, as JS sorts
 * strings), joined with nothing, then the body bytes; HmacSHA1 keyed by the secret, standard Base64.
 */
export function aclSignature(fields: Record<string, string>, body: Buffer | undefined, secretKey: string, unsigned: readonly string[] = []): string {
  const hmac = createHmac('sha1', Buffer.from(secretKey, 'utf8'));
  for (const key of Object.keys(fields).sort()) {
    if (key === SIGNATURE || unsigned.includes(key)) continue;
    hmac.update(fields[key]!, 'utf8');
  }
  if (body && body.length > 0) hmac.update(body);
  return hmac.digest('base64');
}

/**
 * The hook that signs every request with one account, as the official clients do when ACL is on. A request that
 * already carries a signature (signed for another account, see signedAs) goes out as it is.
 */
export function aclSigner(credentials: AclCredentials): RequestHook {
  return (request) => {
    if (request.extFields?.[SIGNATURE] !== undefined) return request;
    return signedAs(request, credentials);
  };
}

/** The request signed for one account, whatever the connection's own hook would sign it as. */
export function signedAs(request: RemotingRequest, credentials: AclCredentials): RemotingRequest {
  const fields: Record<string, string> = { ...request.extFields, [ACCESS_KEY]: credentials.accessKey };
  if (credentials.securityToken) fields[SECRET_TOKEN] = credentials.securityToken;
  fields[SIGNATURE] = aclSignature(fields, request.body, credentials.secretKey, request.unsignedFields);
  return { ...request, extFields: fields };
}
