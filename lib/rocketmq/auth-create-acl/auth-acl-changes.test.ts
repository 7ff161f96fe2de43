import { describe, expect, it } from 'vitest';
import { replayInvoker } from '../../../test-support/fixtures';
import { authCreateAcl, authCreateAclRequest } from '.';
import { authUpdateAcl } from '../auth-update-acl';
import { authDeleteAcl, authDeleteAclRequest } from '../auth-delete-acl';

const ACL = { subject: 'User:fixture_user', policies: [{ policyType: 'Custom' as const, entries: [{ resource: 'Topic:Fixture*', actions: ['Pub', 'Sub'], sourceIps: ['127.0.0.1'], decision: 'Allow' as const }] }] };

describe('AUTH_CREATE_ACL / AUTH_UPDATE_ACL / AUTH_DELETE_ACL on 5.5.0', () => {
  it('sends the subject in the header and its policies as the JSON body', () => {
    const request = authCreateAclRequest(ACL);
    expect(request).toMatchObject({ code: 3006, extFields: { subject: 'User:fixture_user' } });
    expect(JSON.parse(request.body!.toString())).toEqual(ACL);
  });

  it('deletes one resource\'s entry, or the whole subject without a resource', () => {
    expect(authDeleteAclRequest({ subject: 'User:a', resource: 'Topic:t' })).toEqual({ code: 3008, extFields: { subject: 'User:a', policyType: 'Custom', resource: 'Topic:t' } });
    expect(authDeleteAclRequest({ subject: 'User:a' }).extFields).toEqual({ subject: 'User:a', policyType: 'Custom' });
  });

  it('accepts the broker\'s success answers (the list-acl fixture shows what they did)', async () => {
    await expect(authCreateAcl(replayInvoker('5.5.0', ['auth-create-acl', 'topic-prefix']).invoker, 'b:1', ACL)).resolves.toBeUndefined();
    await expect(authUpdateAcl(replayInvoker('5.5.0', ['auth-update-acl', 'group']).invoker, 'b:1', ACL)).resolves.toBeUndefined();
    await expect(authDeleteAcl(replayInvoker('5.5.0', ['auth-delete-acl', 'one-resource']).invoker, 'b:1', { subject: ACL.subject, resource: 'Topic:Fixture*' })).resolves.toBeUndefined();
  });
});
