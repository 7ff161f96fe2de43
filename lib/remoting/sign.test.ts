import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './frame';
import { ACCESS_KEY, SIGNATURE, aclSignature, aclSigner, signedAs } from './sign';
import { FIXTURE_ACCESS_KEY, FIXTURE_SECRET_KEY, SIGNED_CASES } from './fixtures/signed-cases';

const dir = path.join(import.meta.dirname, 'fixtures');
const recorded = readdirSync(dir).filter((f) => f.endsWith('.request.bin'));

describe('ACL request signing, against requests the official mqadmin signed (record-signed-requests.ts)', () => {
  it('has a recorded request of every case from both versions', () => {
    expect(recorded.sort()).toEqual(['4.9.8', '5.5.0'].flatMap((v) => SIGNED_CASES.map((c) => `${v}-${c.name}.request.bin`)).sort());
  });

  it.each(recorded)('%s: our signature of the same header fields and body is the official one', (file) => {
    const official = decodeFrame(readFileSync(path.join(dir, file)).subarray(4));
    expect(official.extFields[ACCESS_KEY]).toBe(FIXTURE_ACCESS_KEY);
    const { [SIGNATURE]: signature, [ACCESS_KEY]: _accessKey, ...fields } = official.extFields;
    expect(signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    // the topic request carries header fields, the subscription-group one a body: the signature covers both kinds
    if (file.includes('update-topic')) expect(Object.keys(fields)).toEqual(expect.arrayContaining(['topic', 'readQueueNums', 'perm']));
    else expect(official.body?.length).toBeGreaterThan(0);
    const ours = aclSigner({ accessKey: FIXTURE_ACCESS_KEY, secretKey: FIXTURE_SECRET_KEY })({ code: official.code, extFields: fields, body: official.body });
    expect(ours.extFields![SIGNATURE]).toBe(signature);
    expect(ours.extFields![ACCESS_KEY]).toBe(FIXTURE_ACCESS_KEY);
  });

  it('signs the body too: the subscription-group request has one, and another body changes the signature', () => {
    const official = decodeFrame(readFileSync(path.join(dir, '5.5.0-update-subgroup.request.bin')).subarray(4));
    expect(official.body?.length).toBeGreaterThan(0);
    const { [SIGNATURE]: signature, ...fields } = official.extFields;
    expect(aclSignature(fields, Buffer.concat([official.body!, Buffer.from(' ')]), FIXTURE_SECRET_KEY)).not.toBe(signature);
    expect(aclSignature(fields, official.body, 'another-secret')).not.toBe(signature);
  });

  it('leaves the fields a request marks unsigned out of the signature, but still sends them', () => {
    const sign = aclSigner({ accessKey: 'ak', secretKey: 'sk' });
    const plain = sign({ code: 12, extFields: { topic: 'T', key: 'k' } });
    const flagged = sign({ code: 12, extFields: { topic: 'T', key: 'k', _UNIQUE_KEY_QUERY: 'true' }, unsignedFields: ['_UNIQUE_KEY_QUERY'] });
    expect(flagged.extFields!._UNIQUE_KEY_QUERY).toBe('true');
    expect(flagged.extFields![SIGNATURE]).toBe(plain.extFields![SIGNATURE]);
  });

  it('adds SecurityToken to the signed fields when the account has one', () => {
    const withToken = aclSigner({ accessKey: 'ak', secretKey: 'sk', securityToken: 'tok' })({ code: 28 });
    const without = aclSigner({ accessKey: 'ak', secretKey: 'sk' })({ code: 28 });
    expect(withToken.extFields!.SecurityToken).toBe('tok');
    expect(withToken.extFields![SIGNATURE]).not.toBe(without.extFields![SIGNATURE]);
  });

  it('a request already signed for another account (an ACL 1.0 presence probe) goes out as it was signed', () => {
    const probe = signedAs({ code: 52 }, { accessKey: 'someone', secretKey: 'wrong-secret' });
    const sent = aclSigner({ accessKey: 'rocketmq', secretKey: 'lab-admin-pw-1' })(probe);
    expect(sent).toBe(probe);
    expect(sent.extFields![ACCESS_KEY]).toBe('someone');
    expect(sent.extFields![SIGNATURE]).toBe(aclSignature({ AccessKey: 'someone' }, undefined, 'wrong-secret'));
  });
});
