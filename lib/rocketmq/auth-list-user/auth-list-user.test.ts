import { describe, expect, it } from 'vitest';
import { loadReply } from '../../../test-support/fixtures';
import { authListUserRequest, decodeAuthListUser } from '.';

describe('AUTH_LIST_USER', () => {
  it('5.5.0: decodes the users of the sandbox with access control, and never keeps a password', () => {
    const reply = loadReply('auth-list-user', '5.5.0', 'all');
    // the broker does send them in plain text
    expect(reply.body!.toString()).toContain('"password"');
    const result = decodeAuthListUser(reply);
    expect(result).toEqual({
      kind: 'users',
      users: [
        { username: 'lab_app', userType: 'Normal', userStatus: 'enable' },
        { username: 'lab_reader', userType: 'Normal', userStatus: 'enable' },
        { username: 'rocketmq', userType: 'Super', userStatus: 'enable' },
      ],
    });
    expect(JSON.stringify(result)).not.toContain('password');
  });

  it('4.9.8: a broker without ACL 2.0 does not know the code', () => {
    expect(decodeAuthListUser(loadReply('auth-list-user', '4.9.8', 'all'))).toMatchObject({ kind: 'unsupported' });
  });

  it('5.5.0 without ACL 2.0 set up: the bare system error is read as "not set up"', () => {
    expect(decodeAuthListUser(loadReply('auth-list-user', '5.5.0', 'not-configured'))).toEqual({ kind: 'unsupported', reason: expect.stringContaining('not set up') });
  });

  it('sends the filter only when there is one', () => {
    expect(authListUserRequest()).toEqual({ code: 3005, extFields: {} });
    expect(authListUserRequest('lab')).toEqual({ code: 3005, extFields: { filter: 'lab' } });
  });
});
