import { IntlMessageFormat } from 'intl-messageformat';
import english from '../../../../messages/en/diagnosis.json';

type Catalog = typeof english;
type Part = keyof Catalog;
export type SayKey = { [P in Part]: `${P}.${keyof Catalog[P] & string}` }[Part];

/**
 * A sentence of the diagnosis as its catalog key and values: the page says it in its own language, while the API,
 * the CLI and MCP read the English text made from the same catalog entry (so the two never drift apart).
 */
export interface Say {
  key: SayKey;
  values?: Record<string, string | number>;
}

const compiled = new Map<SayKey, IntlMessageFormat>();

function format(key: SayKey, values?: Say['values']): string {
  let message = compiled.get(key);
  if (!message) {
    const [part, name] = key.split('.') as [Part, string];
    message = new IntlMessageFormat((english[part] as Record<string, string>)[name]!, 'en');
    compiled.set(key, message);
  }
  return String(message.format(values));
}

/** The English text of a sentence, and the sentence itself for the page. */
export function say(key: SayKey, values?: Say['values']): { text: string; say: Say } {
  return { text: format(key, values), say: values ? { key, values } : { key } };
}
