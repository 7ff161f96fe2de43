import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeBrokerConfig, parseProperties } from '.';

describe.each(fixtureVersions('get-broker-config', 'master'))('GET_BROKER_CONFIG from %s', (version) => {
  it('decodes the properties the sandbox configured', () => {
    const { properties } = decodeBrokerConfig(loadReply('get-broker-config', version, 'master'));
    expect(properties).toMatchObject({ brokerName: 'broker-a', brokerId: '0', brokerClusterName: 'DefaultCluster', autoCreateTopicEnable: 'true', enablePropertyFilter: 'true' });
    // server-side offset resets exist from 5.1 on, on by default
    if (version.startsWith('5')) expect(properties.useServerSideResetOffset).toBe('true');
    else expect(properties.useServerSideResetOffset).toBeUndefined();
  });
});

describe('parseProperties', () => {
  it('reads Java properties text with escapes', () => {
    expect(parseProperties('# c\na=1\nb = two words\nc\\:d=x\\ny\ne:5\n')).toEqual({ a: '1', b: 'two words', 'c:d': 'x\ny', e: '5' });
  });
});
