import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../messages';
import { LOCALES, pickLocale } from './preferences';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

/** The arguments a message takes ({count}, {cluster}...), from the ICU parse (nested in plurals too). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

/** Names RocketMQ's Chinese documentation keeps in English, so a translation may too. */
const KEPT_IN_ENGLISH = /^(Broker|NameServer|Topic|msgId|offsetMsgId|RocketMQ|ACL|DLQ|TPS|Tag|Key)s?$/;

const english = leaves(CATALOGS.en as unknown as Tree);

describe('the message catalogs', () => {
  it('have strings to check', () => {
    expect(english.length).toBeGreaterThan(20);
  });

  for (const locale of LOCALES) {
    it(`${locale}: every English key, each value non-empty, parsing, with the same arguments`, () => {
      const theirs = new Map(leaves(CATALOGS[locale] as unknown as Tree));
      expect([...theirs.keys()].sort()).toEqual(english.map(([key]) => key).sort());
      for (const [key, source] of english) {
        const text = theirs.get(key)!;
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect([...argumentsOf(parse(text))].sort(), `${locale} ${key}`).toEqual([...argumentsOf(parse(source))].sort());
      }
    });
  }

  it('zh-CN is translated: each value has Chinese in it, unless it is a name RocketMQ keeps in English', () => {
    const zh = leaves(CATALOGS['zh-CN'] as unknown as Tree);
    const untranslated = zh.filter(([, text]) => !/[\u4e00-\u9fff]/.test(text) && !KEPT_IN_ENGLISH.test(text.trim()) && !/^[\s\p{P}{}#\w]*\{\w+\}[\s\p{P}]*$/u.test(text) && !/^[\s\p{P}]+$/u.test(text));
    expect(untranslated).toEqual([]);
  });
});

describe('the language of a page', () => {
  it('is the chosen one, else the browser\'s first language we have, else English', () => {
    expect(pickLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(pickLocale(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLocale(undefined, 'fr-FR,zh-TW;q=0.8,en;q=0.9')).toBe('en');
    expect(pickLocale(undefined, 'fr-FR, zh-TW;q=0.8')).toBe('zh-CN');
    expect(pickLocale('xx', 'de')).toBe('en');
    expect(pickLocale(undefined, undefined)).toBe('en');
    expect(pickLocale(undefined, 'zh;q=0, en')).toBe('en');
  });
});
