import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { checkClientConfigRequest, decodeClientConfigCheck } from '.';

describe('CHECK_CLIENT_CONFIG request', () => {
  it('carries the subscription in its body, as the tools group', () => {
    const request = checkClientConfigRequest('LabTopic', 'SQL92', 'a > 5');
    expect(request.code).toBe(46);
    expect(JSON.parse(request.body!.toString())).toMatchObject({ group: 'TOOLS_CONSUMER', subscriptionData: { topic: 'LabTopic', subString: 'a > 5', expressionType: 'SQL92' } });
  });
});

describe.each(fixtureVersions('check-client-config', 'valid'))('CHECK_CLIENT_CONFIG from %s', (version) => {
  it('accepts a selector that compiles', () => {
    expect(decodeClientConfigCheck(loadReply('check-client-config', version, 'valid'))).toEqual({ ok: true });
  });

  it('refuses one that does not (code 23) with the compiler\'s words and position', () => {
    const reply = loadReply('check-client-config', version, 'invalid');
    expect(reply.code).toBe(23);
    expect(decodeClientConfigCheck(reply)).toEqual({ ok: false, kind: 'invalid', reason: expect.stringMatching(/Encountered "<EOF>" at line 1, column 3/) });
  });

  it('says when the broker has enablePropertyFilter off (code 1)', () => {
    expect(decodeClientConfigCheck({ code: 1, remark: 'The broker does not support consumer to filter message by SQL92', flag: 1, opaque: 1, version: 0, language: 'JAVA', extFields: {} } as never)).toMatchObject({ ok: false, kind: 'unsupported' });
  });
});
