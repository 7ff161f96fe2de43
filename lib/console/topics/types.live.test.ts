import { describe, expect, it } from 'vitest';
import { exportedTopicConfigs } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { topicCatalog } from './catalog';

describe(`topic types (${LIVE.version})`, () => {
  const { admin } = liveConsole();

  it('gives every topic with a declared message.type that type, as mqadmin exportMetadata prints it (5.5: PRIORITY and LITE too)', async () => {
    const [catalog, configs] = await Promise.all([topicCatalog(admin, 0), exportedTopicConfigs()]);
    const declared = Object.entries(configs).flatMap(([topic, c]) => {
      const type = c.attributes?.['+message.type'] ?? c.attributes?.['message.type'];
      return type && type !== 'UNSPECIFIED' && !topic.startsWith('%') ? [[topic, type] as const] : [];
    });
    if (LIVE.isV5) {
      // traffic.sh makes LabPriorityTopic and LabLiteTopic on 5.5
      expect(declared).toEqual(expect.arrayContaining([['LabPriorityTopic', 'PRIORITY'], ['LabLiteTopic', 'LITE']]));
    } else {
      expect(declared).toEqual([]); // 4.x topics have no attributes
    }
    for (const [topic, type] of declared) expect(catalog.items.find((t) => t.topic === topic)?.type, topic).toBe(type);
  });
});
