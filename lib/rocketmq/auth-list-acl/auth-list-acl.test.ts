import { describe, expect, it } from 'vitest';
import { loadReply } from '../../../test-support/fixtures';
import { authListAclRequest, decodeAuthListAcl } from '.';

describe('AUTH_LIST_ACL', () => {
  it('5.5.0: decodes every subject\'s policies as auth-users.sh made them (a missing sourceIps is "from anywhere")', () => {
    const result = decodeAuthListAcl(loadReply('auth-list-acl', '5.5.0', 'all'));
    if (result.kind !== 'acls') throw new Error(result.reason);
    expect(result.acls.map((a) => a.subject)).toEqual(['User:lab_app', 'User:lab_reader']);
    expect(result.acls[1]!.policies).toEqual([{ policyType: 'Custom', entries: [{ resource: '*', actions: ['Get', 'List', 'Sub'], sourceIps: [], decision: 'Allow' }] }]);
    expect(result.acls[0]!.policies[0]!.entries.map((e) => e.resource).sort()).toEqual(['Group:*', 'Topic:*']);
  });

  it('5.5.0: one subject with a prefixed topic resource limited to an IP, and a Deny entry added by an update', () => {
    const result = decodeAuthListAcl(loadReply('auth-list-acl', '5.5.0', 'fixture-user'));
    expect(result).toEqual({
      kind: 'acls',
      acls: [{
        subject: 'User:fixture_user',
        policies: [{
          policyType: 'Custom',
          entries: [
            { resource: 'Topic:Fixture*', actions: ['Pub', 'Sub'], sourceIps: ['127.0.0.1'], decision: 'Allow' },
            { resource: 'Group:fixture_cg', actions: ['Sub'], sourceIps: [], decision: 'Deny' },
          ],
        }],
      }],
    });
  });

  it('4.9.8: a broker without ACL 2.0 does not know the code', () => {
    expect(decodeAuthListAcl(loadReply('auth-list-acl', '4.9.8', 'all'))).toMatchObject({ kind: 'unsupported' });
  });

  it('sends the subject and resource filters it is given', () => {
    expect(authListAclRequest({ subject: 'alice', resource: 'Topic:' }).extFields).toEqual({ subjectFilter: 'alice', resourceFilter: 'Topic:' });
  });
});
