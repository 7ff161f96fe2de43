import { describe, expect, it } from 'vitest';
import { loadReply } from '../../../test-support/fixtures';
import { deleteAclConfigRequest } from '.';

describe('DELETE_ACL_CONFIG (ACL 1.0)', () => {
  it('4.9.8: deleted (0); an account the broker does not have is refused with 210', () => {
    expect(deleteAclConfigRequest('fixture_ak1')).toEqual({ code: 51, extFields: { accessKey: 'fixture_ak1' } });
    expect(loadReply('delete-acl-config', '4.9.8', 'fixture').code).toBe(0);
    const missing = loadReply('delete-acl-config', '4.9.8', 'missing');
    expect(missing.code).toBe(210);
    expect(missing.remark).toContain('fixture_ak1');
  });
});
