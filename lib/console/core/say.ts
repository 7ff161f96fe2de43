import { IntlMessageFormat } from 'intl-messageformat';
import diagnosis from '../../../messages/en/diagnosis.json';
import plans from '../../../messages/en/plans.json';
import status from '../../../messages/en/status.json';

/** The catalogs of sentences the server makes (the pages' other strings are the pages' own). */
const ENGLISH = { diagnosis, plans, status };

type Leaves<T, P extends string> = { [K in keyof T & string]: T[K] extends string ? `${P}.${K}` : Leaves<T[K], `${P}.${K}`> }[keyof T & string];
export type SayKey = { [N in keyof typeof ENGLISH]: Leaves<(typeof ENGLISH)[N], N> }[keyof typeof ENGLISH];

/**
 * A sentence the server makes (a diagnosis, a plan's warning) as its catalog key and values: the page says it in its
 * own language, while the API, the CLI, MCP and the audit log read the English text made from the same catalog entry,
 * so the two never drift apart.
 */
export interface Say {
  key: SayKey;
  values?: Record<string, string | number>;
}

const compiled = new Map<SayKey, IntlMessageFormat>();

function source(key: SayKey): string {
  let node: unknown = ENGLISH;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no English sentence ${key}`);
  return node;
}

function format(key: SayKey, values?: Say['values']): string {
  let message = compiled.get(key);
  if (!message) {
    message = new IntlMessageFormat(source(key), 'en');
    compiled.set(key, message);
  }
  return String(message.format(values));
}

/** The English text of a sentence, and the sentence itself for the page. */
export function say(key: SayKey, values?: Say['values']): { text: string; say: Say } {
  return { text: format(key, values), say: values ? { key, values } : { key } };
}

/**
 * Sentences of one answer (a plan's warnings, blockers and undo reason) keyed by their English text: the lists stay
 * plain English for every reader, and a page looks each one up to say it in its language.
 */
export class Sentences {
  readonly said: Record<string, Say> = {};

  text(key: SayKey, values?: Say['values']): string {
    const s = say(key, values);
    this.said[s.text] = s.say;
    return s.text;
  }
}
