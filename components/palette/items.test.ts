import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { ClusterNames } from '@/lib/console/cluster/names';
import { CATALOGS } from '@/messages';
import { paletteSections, type PaletteInput } from './items';
import { paletteWords } from './words';
import { parseRecent, remember, type RecentItem } from './recent';

const names: ClusterNames = {
  topics: [
    { topic: 'LabTopic', type: 'NORMAL' },
    { topic: 'LabOrderTopic', type: 'FIFO' },
    { topic: '%RETRY%lab_cg_sql', type: 'RETRY' },
  ],
  groups: [
    { group: 'lab_cg_sql', system: false },
    { group: 'lab_cg_cluster', system: false },
    { group: 'TOOLS_CONSUMER', system: true },
    ...Array.from({ length: 30 }, (_, i) => ({ group: `lab_cg_load_${i}`, system: false })),
  ],
  brokers: [{ clusterName: 'DefaultCluster', brokerName: 'broker-a', brokerId: 0, addr: '127.0.0.1:10911' }],
  groupsPending: false,
  failures: [],
  asOf: 0,
};

// the English catalog's words, as the dialog passes them on an English page
type Words = Parameters<typeof paletteWords>;
const english = (namespace: 'shell.palette.words' | 'shell.nav') => createTranslator({ locale: 'en', messages: CATALOGS.en, namespace });
const words = paletteWords(english('shell.palette.words') as unknown as Words[0], english('shell.nav') as unknown as Words[1]);

const input = (query: string, over: Partial<PaletteInput> = {}): PaletteInput => ({
  query,
  context: { cluster: 'local' },
  clusters: ['local', 'local-4.9'],
  names,
  recent: [],
  now: Date.UTC(2026, 11, 1, 12),
  formatTime: (ms) => new Date(ms).toISOString(),
  words,
  ...over,
});
const lines = (i: PaletteInput) => paletteSections(i).flatMap((s) => s.items);

describe('palette sections', () => {
  it('with no text: the recent items first, then the pages of the cluster and the clusters', () => {
    const recent: RecentItem[] = [{ href: '/clusters/local/groups/lab_cg_sql', kind: 'group', label: 'lab_cg_sql' }];
    const s = paletteSections(input('', { recent }));
    expect(s.map((x) => x.heading)).toEqual(['Recent', 'Pages', 'Clusters']);
    expect(s[0]!.items[0]!.href).toBe('/clusters/local/groups/lab_cg_sql');
    expect(s[1]!.items.map((i) => i.label)).toContain('Consumer groups');
  });

  it('leads with the section holding the best match, and links each name to its page', () => {
    const s = paletteSections(input('labtopic'));
    expect(s[0]!.heading).toBe('Topics');
    expect(s[0]!.items[0]).toMatchObject({ label: 'LabTopic', href: '/clusters/local/topics/LabTopic' });
    expect(paletteSections(input('cgsql'))[0]!.items[0]).toMatchObject({ label: 'lab_cg_sql', href: '/clusters/local/groups/lab_cg_sql' });
    expect(lines(input('10911'))[0]).toMatchObject({ kind: 'broker', href: '/clusters/local/brokers/127.0.0.1%3A10911' });
  });

  it('shows a few lines per kind and says how many more matched', () => {
    const groups = paletteSections(input('lab_cg_load')).find((s) => s.heading === 'Consumer groups')!;
    expect(groups.items).toHaveLength(8);
    expect(groups.more).toBe(22);
  });

  it('opens a pasted message id first, on any page of a cluster', () => {
    const first = lines(input('7f00000100002a9f0000000000002a9f'))[0]!;
    expect(first).toMatchObject({ kind: 'message', href: '/clusters/local/messages/7F00000100002A9F0000000000002A9F' });
    expect(first.detail).toContain('127.0.0.1:10911');
    // a client msgId pasted on a topic's page is looked up in that topic
    const onTopic = lines(input('7F0000011F8C1B6D2E4A3C1A00000001', { context: { cluster: 'local', topic: 'LabTopic' } }))[0]!;
    expect(onTopic.href).toBe('/clusters/local/messages/7F0000011F8C1B6D2E4A3C1A00000001?topic=LabTopic');
  });

  it('offers a key search in the topic on screen and the recent topics, and one that leaves the topic to choose', () => {
    const recent: RecentItem[] = [{ href: '/clusters/local/topics/LabOrderTopic', kind: 'topic', label: 'LabOrderTopic' }];
    const keys = lines(input('K-r1-1', { context: { cluster: 'local', topic: 'LabTopic' }, recent })).filter((i) => i.kind === 'key');
    expect(keys.map((k) => k.href)).toEqual([
      '/clusters/local/messages?mode=key&topic=LabTopic&key=K-r1-1',
      '/clusters/local/messages?mode=key&topic=LabOrderTopic&key=K-r1-1',
      '/clusters/local/messages?mode=key&key=K-r1-1',
    ]);
  });

  it('offers a reset preview for a time only on a group page, disabled with the reason when not allowed', () => {
    const at = '2026-12-01T10:00:00Z';
    expect(lines(input(at)).some((i) => i.kind === 'reset')).toBe(false);
    const reset = lines(input(at, { context: { cluster: 'local', group: 'lab_cg_sql' } }))[0]!;
    expect(reset).toMatchObject({ kind: 'reset', href: `/clusters/local/groups/lab_cg_sql?resetAt=${Date.parse(at)}`, label: `Reset lab_cg_sql to ${new Date(at).toISOString()} — preview` });
    const refused = lines(input(at, { context: { cluster: 'local', group: 'lab_cg_sql', resetRefused: 'needs offset:reset' } }))[0]!;
    expect(refused.disabledReason).toBe('needs offset:reset');
  });

  it('outside a cluster: clusters and console pages only, and nothing that needs a cluster', () => {
    const s = paletteSections(input('local', { context: {}, names: undefined }));
    expect(s.map((x) => x.heading)).toEqual(['Clusters']);
    expect(lines(input('K-r1-1', { context: {}, names: undefined }))).toEqual([]);
  });
});

describe('recent items', () => {
  const a = { href: '/a', kind: 'page', label: 'A' };
  const b = { href: '/b', kind: 'page', label: 'B' };

  it('puts the newest first, each place once, at most eight', () => {
    expect(remember([a, b], b)).toEqual([b, a]);
    const many = Array.from({ length: 20 }, (_, i) => ({ href: `/${i}`, kind: 'page', label: String(i) }));
    expect(many.reduce((list, item) => remember(list, item), [] as RecentItem[]).map((r) => r.label)).toEqual(['19', '18', '17', '16', '15', '14', '13', '12']);
  });

  it('reads back only well-formed entries of the app’s own paths', () => {
    expect(parseRecent(JSON.stringify([a, { href: 'https://evil.example/', kind: 'page', label: 'x' }, { href: '//evil.example', kind: 'page', label: 'x' }, { href: '/c' }]))).toEqual([a]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent(null)).toEqual([]);
  });
});

describe('order of a key search against names', () => {
  it('searches a pasted key before names its letters are merely scattered through, after names that hold it', () => {
    const scattered = paletteSections(input('lbcgld', { context: { cluster: 'local', topic: 'LabTopic' } })).map((s) => s.heading);
    expect(scattered.indexOf('Messages')).toBeLessThan(scattered.indexOf('Consumer groups'));
    const held = paletteSections(input('lab_cg', { context: { cluster: 'local', topic: 'LabTopic' } })).map((s) => s.heading);
    expect(held.indexOf('Consumer groups')).toBeLessThan(held.indexOf('Messages'));
  });
});
