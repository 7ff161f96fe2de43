import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '@/messages';
import { snapshotProgressText, type ProgressWords } from './snapshotProgress';

const words = (locale: 'en' | 'zh-CN') => createTranslator({ locale, messages: CATALOGS[locale], namespace: 'groups.list.progress' }) as unknown as ProgressWords;

describe('snapshotProgressText', () => {
  it('says the phase, how far it is and for how long', () => {
    const en = words('en');
    expect(snapshotProgressText({ phase: 'connections', done: 12_000, total: 50_000, groups: 50_000, startedAt: 1_000 }, en, 13_400)).toBe('reading client connections: 12,000 / 50,000 groups (12 s so far)');
    expect(snapshotProgressText({ phase: 'offsets', done: 1, total: 2, groups: 50_001, startedAt: 0 }, en, 0)).toBe('reading consumer offsets: 1 / 2 masters, 50,001 groups (0 s so far)');
    expect(snapshotProgressText({ phase: 'starting', done: 0, total: 0, startedAt: 5_000 }, en, 4_000)).toBe('starting the lag snapshot (0 s so far)');
  });

  it('says it in Chinese from the same catalog entries', () => {
    expect(snapshotProgressText({ phase: 'connections', done: 12_000, total: 50_000, startedAt: 1_000 }, words('zh-CN'), 13_400)).toBe('正在读取客户端连接：12,000 / 50,000 个消费者组（已用 12 秒）');
  });
});
