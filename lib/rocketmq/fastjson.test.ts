import { describe, expect, it } from 'vitest';
import { FastjsonSyntaxError, entries, forEachMember, parseFastjson, type JsonObject, type JsonValue } from './fastjson';

describe('parseFastjson', () => {
  it('takes standard JSON as JSON.parse does', () => {
    expect(parseFastjson('{"a":[1,2,{"b":null}],"c":"x\\u00e9"}')).toEqual({ a: [1, 2, { b: null }], c: 'xé' });
  });

  it('reads unquoted integer keys (Long/Integer map keys)', () => {
    const value = parseFastjson('{"brokerAddrs":{0:"127.0.0.1:10911",1:"127.0.0.1:10921"}}') as JsonObject;
    expect(value).toEqual({ brokerAddrs: { 0: '127.0.0.1:10911', 1: '127.0.0.1:10921' } });
  });

  it('reads object literals used as keys and gives them back through entries()', () => {
    const text = '{"offsetTable":{{"brokerName":"b","queueId":1,"topic":"T"}:{"maxOffset":9},{"brokerName":"b","queueId":0,"topic":"T"}:{"maxOffset":3}}}';
    const table = (parseFastjson(text) as JsonObject).offsetTable as JsonObject;
    expect(entries(table)).toEqual([
      [{ brokerName: 'b', queueId: 1, topic: 'T' }, { maxOffset: 9 }],
      [{ brokerName: 'b', queueId: 0, topic: 'T' }, { maxOffset: 3 }],
    ]);
  });

  it('keeps string keys that look like JSON as strings', () => {
    const table = parseFastjson('{"{\\"a\\":1}":2, 3:4}') as JsonObject;
    expect(entries(table)).toEqual([['3', 4], ['{"a":1}', 2]]);
  });

  it('reads UTF-8 text and every escape the same from bytes as JSON.parse does from text', () => {
    const standard = '{"k\u00e9":"中文 é \\"q\\" \\\\ \\/ \\n\\t\\r\\b\\f \\u4e2d","n":[-1.5e3,0,12]}';
    const quirky = standard.replace('{"k', '{7:1,"k');
    const tolerant = parseFastjson(Buffer.from(quirky, 'utf8')) as JsonObject;
    expect(tolerant).toEqual({ 7: 1, ...(JSON.parse(standard) as JsonObject) });
    expect(parseFastjson('{0:"\\x41\\é"}')).toEqual({ 0: 'Aé' });
  });

  it('says where malformed input breaks', () => {
    expect(() => parseFastjson('{0:"a",')).toThrow(FastjsonSyntaxError);
    expect(() => parseFastjson('{"a" 1}')).toThrow(/position/);
  });
});

describe('forEachMember', () => {
  it('hands over each member of one map, in order, as parseFastjson reads them, and skips the other fields', () => {
    const text = '{"dataVersion":{"counter":3,"stateVersion":0},"offsetTable":{"T@g":{0:5,1:7},"%RETRY%g@g":{0:0},"a\\"b@c":{}},"x":[1,{2:3}]}';
    const seen: Array<[string, JsonValue]> = [];
    forEachMember(text, 'offsetTable', (key, value) => seen.push([key, value]));
    const whole = (parseFastjson(text) as JsonObject).offsetTable as JsonObject;
    expect(seen).toEqual(Object.entries(whole));
    expect(seen.map(([key]) => key)).toEqual(['T@g', '%RETRY%g@g', 'a"b@c']);
  });

  it('hands over nothing for an absent or null map, and refuses what is not an object', () => {
    const seen: string[] = [];
    forEachMember('{"dataVersion":{}}', 'offsetTable', (key) => seen.push(key));
    forEachMember('{"offsetTable":null}', 'offsetTable', (key) => seen.push(key));
    expect(seen).toEqual([]);
    expect(() => forEachMember('[1]', 'offsetTable', () => undefined)).toThrow(FastjsonSyntaxError);
    expect(() => forEachMember('{"offsetTable":{0:1,', 'offsetTable', () => undefined)).toThrow(/position/);
  });
});
