import { describe, expect, it } from 'vitest';
import { say, Sentences } from './say';

describe('sentences the server makes from the catalog', () => {
  it('writes the English the API has always answered, plurals and number grouping included', () => {
    expect(say('plans.topic.deletes', { total: 1, topic: 'T', brokers: 'broker-a (1)' }).text).toBe('deletes 1 message T holds on broker-a (1)');
    expect(say('plans.topic.deletes', { total: 12_345, topic: 'T', brokers: 'broker-a (12,345)' }).text).toBe('deletes 12,345 messages T holds on broker-a (12,345)');
    expect(say('plans.reset.proxied', { group: 'g', clients: '2', proxy: 'p:8081', retryTopics: '%RETRY%g_T' }).text).toContain("g's 2 client(s) are gRPC clients through the proxy p:8081");
    expect(say('diagnosis.titles.idleClients', { idle: 1, clients: 2, queues: 1 }).text).toBe('1 client holds no queue: 2 clients for 1 queue');
  });

  it('keeps each sentence of an answer by its English text, with the key and values a page needs', () => {
    const s = new Sentences();
    const text = s.text('plans.group.fewerRetries', { brokers: 'broker-a', group: 'g' });
    expect(text).toBe('fewer retries on broker-a: messages that fail more often go to %DLQ%g sooner');
    expect(s.said[text]).toEqual({ key: 'plans.group.fewerRetries', values: { brokers: 'broker-a', group: 'g' } });
    expect(say('plans.reset.nothing').say).toEqual({ key: 'plans.reset.nothing' });
  });
});
