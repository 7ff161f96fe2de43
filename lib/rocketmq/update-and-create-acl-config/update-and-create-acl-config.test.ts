import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from '../../remoting';
import { loadReply } from '../../../test-support/fixtures';
import { expectCode } from '../invoke';
import { updateAndCreateAclConfigRequest } from '.';

describe('UPDATE_AND_CREATE_ACL_CONFIG (ACL 1.0)', () => {
  it('sends the account as header fields, lists comma-joined, and leaves out what is not set (the broker keeps it)', () => {
    expect(updateAndCreateAclConfigRequest({ accessKey: 'fixture_ak1', secretKey: 'fixture-sk-1', admin: false, defaultTopicPerm: 'SUB', topicPerms: ['LabTopic=PUB|SUB', 'X=DENY'] })).toEqual({
      code: 50,
      extFields: { accessKey: 'fixture_ak1', secretKey: 'fixture-sk-1', admin: 'false', defaultTopicPerm: 'SUB', topicPerms: 'LabTopic=PUB|SUB,X=DENY' },
    });
    expect(updateAndCreateAclConfigRequest({ accessKey: 'fixture_ak1', admin: true, groupPerms: [] }).extFields).toEqual({ accessKey: 'fixture_ak1', admin: 'true', groupPerms: '' });
  });

  it('4.9.8: taken (0); a key of 6 characters or fewer is refused with 209, and the remark echoes the secret', () => {
    expect(loadReply('update-and-create-acl-config', '4.9.8', 'create').code).toBe(0);
    const refused = loadReply('update-and-create-acl-config', '4.9.8', 'short-key');
    expect(refused.code).toBe(209);
    // why the console checks the lengths itself and scrubs the secret from any refusal it records
    expect(refused.remark).toContain('secretKey=fixture-sk-1');
    expect(() => expectCode(refused, '127.0.0.1:11091', 50)).toThrow(RemotingResponseError);
  });

  it('5.5.0 does not know the code (3)', () => {
    expect(loadReply('update-and-create-acl-config', '5.5.0', 'unsupported').code).toBe(3);
  });
});
