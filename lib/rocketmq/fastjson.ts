/**
 * The one decoder for RocketMQ's JSON bodies, which come from fastjson 1.x and are not always JSON:
 *  - Integer and Long map keys are written unquoted: {"brokerAddrs":{0:"127.0.0.1:10911"}}
 *  - Maps keyed by an object are written with the object literal as the key: {{"brokerName":"a","queueId":0,...}:{...}}
 * Standard input takes the fast path (JSON.parse). Otherwise a tolerant parser runs: unquoted keys become their
 * text ("0"), object keys become their canonical JSON text and the parsed key is kept aside, so `entries()` can hand
 * back [keyObject, value] pairs without re-parsing strings.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

const complexKeys = new WeakMap<JsonObject, Map<string, JsonValue>>();

export function parseFastjson(input: string | Buffer): JsonValue {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  // Only fastjson's two quirks make a body non-standard: an object literal as a key ("{{") or an unquoted
  // integer key ("{0:" / ",12:"). Routing on them saves a JSON.parse that would throw (a thrown SyntaxError
  // costs more than parsing a small body).
  if (text.includes('{{') || UNQUOTED_INTEGER_KEY.test(text)) return new TolerantParser(text).parseDocument();
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return new TolerantParser(text).parseDocument();
  }
}

const UNQUOTED_INTEGER_KEY = /[{,]-?\d+:/;

/**
 * Hands each member of the top-level object's map `field` to `onMember` as soon as it is parsed, and parses the
 * document's other fields only to skip them: the map itself never exists. A broker's offset table at 50,000 groups is
 * 150,000 members in 19 MB of text; parsed whole it took 150-180 MB of heap at its peak besides what was kept of it.
 * Keys are their text (an unquoted integer key "0", a quoted one unescaped).
 */
export function forEachMember(input: string | Buffer, field: string, onMember: (key: string, value: JsonValue) => void): void {
  new TolerantParser(typeof input === 'string' ? input : input.toString('utf8')).forEachMember(field, onMember);
}

/** [key, value] pairs of a map, with object keys given back as parsed values and other keys as strings. */
export function entries(map: JsonObject): Array<[JsonValue, JsonValue]> {
  const keys = complexKeys.get(map);
  return Object.entries(map).map(([k, v]) => [keys?.get(k) ?? k, v]);
}

export class FastjsonSyntaxError extends SyntaxError {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
  }
}

/** Far deeper than any RocketMQ body (about 5 levels); a recursive parser must stop before the stack does. */
const MAX_NESTING = 512;

class TolerantParser {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING) this.fail(`nested deeper than ${MAX_NESTING} levels`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  parseDocument(): JsonValue {
    const value = this.value();
    this.ws();
    if (this.i < this.s.length) this.fail('unexpected trailing text');
    return value;
  }

  forEachMember(field: string, onMember: (key: string, value: JsonValue) => void): void {
    this.ws();
    if (this.s[this.i] !== '{') this.fail('expected an object');
    this.members(() => {
      const key = this.key();
      this.colon();
      if (key !== field) return void this.value();
      this.ws();
      if (this.s[this.i] !== '{') return void this.value(); // null or another shape: nothing to hand over
      this.nested(() => this.members(() => {
        const member = this.key();
        this.colon();
        onMember(member, this.value());
      }));
    });
    this.ws();
    if (this.i < this.s.length) this.fail('unexpected trailing text');
  }

  /** The members of the object at this.i, each read by `member`. */
  private members(member: () => void): void {
    this.i++; // {
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      member();
      this.ws();
      const next = this.s[this.i++];
      if (next === ',') continue;
      if (next === '}') return;
      this.i--;
      this.fail('expected "," or "}" in an object');
    }
  }

  /** A plain key: quoted or bare (an object literal key is not one of these maps' keys). */
  private key(): string {
    this.ws();
    const c = this.s[this.i];
    return c === '"' || c === "'" ? this.string() : this.bareKey();
  }

  private colon(): void {
    this.ws();
    if (this.s[this.i] !== ':') this.fail('expected ":" after a key');
    this.i++;
  }

  private fail(message: string): never {
    throw new FastjsonSyntaxError(message, this.i);
  }

  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else break;
    }
  }

  private value(): JsonValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.nested(() => this.object());
    if (c === '[') return this.nested(() => this.array());
    if (c === '"' || c === "'") return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    return this.word();
  }

  private object(): JsonObject {
    this.i++; // {
    const out: JsonObject = {};
    let keys: Map<string, JsonValue> | undefined;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      let key: string;
      if (c === '"' || c === "'") {
        key = this.string();
      } else if (c === '{' || c === '[') {
        // fastjson writes a key object with sorted properties and no spaces, so its text is canonical already
        const start = this.i;
        const keyValue = this.nested(() => (c === '{' ? this.object() : this.array()));
        key = this.s.slice(start, this.i);
        (keys ??= new Map()).set(key, keyValue);
      } else {
        key = this.bareKey();
      }
      this.ws();
      if (this.s[this.i] !== ':') this.fail('expected ":" after a key');
      this.i++;
      out[key] = this.value();
      this.ws();
      const next = this.s[this.i++];
      if (next === ',') continue;
      if (next === '}') break;
      this.i--;
      this.fail('expected "," or "}" in an object');
    }
    if (keys) complexKeys.set(out, keys);
    return out;
  }

  private array(): JsonValue[] {
    this.i++; // [
    const out: JsonValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const next = this.s[this.i++];
      if (next === ',') continue;
      if (next === ']') break;
      this.i--;
      this.fail('expected "," or "]" in an array');
    }
    return out;
  }

  private string(): string {
    const quote = this.s[this.i++];
    let out = '';
    let runStart = this.i;
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === quote) {
        out += s.slice(runStart, this.i);
        this.i++;
        return out;
      }
      if (c === '\\') {
        out += s.slice(runStart, this.i);
        const e = s[this.i + 1];
        this.i += 2;
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': {
            const hex = s.slice(this.i, this.i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            this.i += 4;
            break;
          }
          case 'x': { // fastjson may write \xNN for control characters
            const hex = s.slice(this.i, this.i + 2);
            if (!/^[0-9a-fA-F]{2}$/.test(hex)) this.fail('bad \\x escape');
            out += String.fromCharCode(parseInt(hex, 16));
            this.i += 2;
            break;
          }
          case undefined: this.fail('unterminated escape');
          // eslint-disable-next-line no-fallthrough
          default: out += e;
        }
        runStart = this.i;
        continue;
      }
      this.i++;
    }
    this.fail('unterminated string');
  }

  private number(): number {
    const start = this.i;
    const s = this.s;
    if (s.charCodeAt(this.i) === 45) this.i++; // -
    for (;;) {
      const c = s.charCodeAt(this.i);
      // digits . e E + -
      if ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45) this.i++;
      else break;
    }
    const n = Number(s.slice(start, this.i));
    // fastjson may suffix numbers with a type letter (L, F, D) in some modes
    const suffix = s.charCodeAt(this.i);
    if (suffix === 76 || suffix === 70 || suffix === 68) this.i++;
    if (Number.isNaN(n)) this.fail('bad number');
    return n;
  }

  private word(): JsonValue {
    const rest = this.s.slice(this.i, this.i + 9);
    if (rest.startsWith('true')) { this.i += 4; return true; }
    if (rest.startsWith('false')) { this.i += 5; return false; }
    if (rest.startsWith('null')) { this.i += 4; return null; }
    if (rest.startsWith('NaN')) { this.i += 3; return null; }
    if (rest.startsWith('Infinity')) { this.i += 8; return null; }
    this.fail('unexpected character');
  }

  /** An unquoted key: a number (Integer/Long keys) or an identifier. */
  private bareKey(): string {
    const start = this.i;
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 46 || c === 45 || c === 43;
      if (!word) break;
      this.i++;
    }
    if (this.i === start) this.fail('expected a key');
    return s.slice(start, this.i);
  }
}

// Narrowing helpers for decoders: they say what they expected, so a changed body shape fails loudly.
export function asObject(value: JsonValue | undefined, what: string): JsonObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${what}: expected an object`);
  }
  return value;
}

export function asArray(value: JsonValue | undefined, what: string): JsonValue[] {
  if (!Array.isArray(value)) throw new TypeError(`${what}: expected an array`);
  return value;
}

export function asString(value: JsonValue | undefined, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`${what}: expected a string`);
  return value;
}

export function asNumber(value: JsonValue | undefined, what: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  throw new TypeError(`${what}: expected a number`);
}

export function optString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function optNumber(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function optBoolean(value: JsonValue | undefined): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function optObject(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
