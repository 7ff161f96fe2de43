import { describe, expect, it } from 'vitest';
import { loadReply } from '../../../test-support/fixtures';
import { updateGlobalWhiteAddrsConfigRequest } from '.';

describe('UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (ACL 1.0)', () => {
  it('sends the whole list comma-joined, and an empty file path (the broker\'s default plain_acl.yml)', () => {
    expect(updateGlobalWhiteAddrsConfigRequest(['10.99.*', '192.168.7.7'])).toEqual({ code: 53, extFields: { globalWhiteAddrs: '10.99.*,192.168.7.7', aclFileFullPath: '' } });
    expect(updateGlobalWhiteAddrsConfigRequest([]).extFields).toEqual({ globalWhiteAddrs: '', aclFileFullPath: '' });
  });

  it('4.9.8: setting and clearing the list are both taken', () => {
    expect(loadReply('update-global-white-addrs-config', '4.9.8', 'set').code).toBe(0);
    expect(loadReply('update-global-white-addrs-config', '4.9.8', 'clear').code).toBe(0);
  });
});
