/**
 * The oracle of the time-range scan: `mqadmin printMsg -t <topic> -d true`, which pulls every queue of the topic as
 * TOOLS_CONSUMER and prints each message on one line: `MSGID: <id> MessageExt [...] BODY: <text>`, after a
 * `minOffset=.., maxOffset=.., MessageQueue [topic=.., brokerName=.., queueId=..]` line per queue (4.9's MessageExt
 * has no brokerName, so the queue line names it).
 */
import { mqadmin } from './mqadmin';
import { LIVE, type Sandbox } from './sandbox';
import { parseJavaMap } from './mqadmin-messages';

export interface PrintedQueueMessage {
  msgId: string;
  brokerName: string;
  queueId: number;
  queueOffset: number;
  storeTimestamp: number;
  bornTimestamp: number;
  commitLogOffset: number;
  storeHost: string;
  tags?: string;
  keys: string[];
  /** Without MIN_OFFSET and MAX_OFFSET, which the Java pull consumer adds to every message it returns. */
  properties: Record<string, string>;
  body: string;
}

const LINE = /^MSGID: (\S+) MessageExt \[(.*?), toString\(\)=Message\{topic='(.*?)', flag=-?\d+, properties=\{(.*?)\}, body=\[[^\]]*\], transactionId='.*?'\}\] BODY: (.*)$/;

export function parsePrintMsg(output: string): PrintedQueueMessage[] {
  const out: PrintedQueueMessage[] = [];
  let brokerName = '';
  for (const line of output.split('\n')) {
    const queue = /MessageQueue \[topic=.*?, brokerName=(.*?), queueId=\d+\]/.exec(line);
    if (queue && !line.startsWith('MSGID:')) {
      brokerName = queue[1]!;
      continue;
    }
    const m = LINE.exec(line);
    if (!m) continue;
    const head = m[2]!;
    const num = (name: string) => Number(new RegExp(`(?:^|, )${name}=(-?\\d+)`).exec(head)?.[1] ?? Number.NaN);
    const { MIN_OFFSET: _min, MAX_OFFSET: _max, ...properties } = parseJavaMap(`{${m[4]!}}`);
    out.push({
      msgId: m[1]!,
      brokerName,
      queueId: num('queueId'),
      queueOffset: num('queueOffset'),
      storeTimestamp: num('storeTimestamp'),
      bornTimestamp: num('bornTimestamp'),
      commitLogOffset: num('commitLogOffset'),
      storeHost: (/(?:^|, )storeHost=\/?([^,]+)/.exec(head)?.[1] ?? '').trim(),
      tags: properties.TAGS,
      keys: (properties.KEYS ?? '').split(' ').filter(Boolean),
      properties,
      body: m[5]!,
    });
  }
  return out;
}

/** Every message of a topic, with its body as text (uncached: the topic grows while tests run). */
export async function printMsg(topic: string, on: Sandbox = LIVE): Promise<PrintedQueueMessage[]> {
  return parsePrintMsg(await mqadmin(['printMsg', '-t', topic, '-d', 'true'], { cache: false, on }));
}
