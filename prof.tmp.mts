import { fixtureBytes, loadReply } from './lib/rocketmq/testing/fixtures';
import { decodeTopicStatsTable } from './lib/rocketmq/get-topic-stats-info';
import { FrameSplitter, decodeFrame, encodeFrame } from './lib/remoting';
import { parseFastjson } from './lib/rocketmq/fastjson';
const bytes = fixtureBytes('get-topic-stats-info', '5.5.0', 'LabTopic');
const reply = loadReply('get-topic-stats-info', '5.5.0', 'LabTopic');
const N = 100000;
function time(name: string, fn: () => void) { for (let i=0;i<5000;i++) fn(); const t=performance.now(); for (let i=0;i<N;i++) fn(); const d=performance.now()-t; console.log(name, (d*1000/N).toFixed(2), 'µs'); }
time('split+decodeFrame', () => { new FrameSplitter().push(bytes, (f) => decodeFrame(f)); });
time('parseFastjson', () => parseFastjson(reply.body!));
time('decodeTopicStatsTable', () => decodeTopicStatsTable(reply));
const text = reply.body!.toString();
time('JSON.parse throw', () => { try { JSON.parse(text); } catch {} });
time('encodeFrame', () => encodeFrame({ code: 202, language: 'JAVA', version: 479, opaque: 5, flag: 0, extFields: { topic: 'LabTopic' } }));
time('setTimeout+clear', () => clearTimeout(setTimeout(() => {}, 5000)));
