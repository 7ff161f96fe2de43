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
  const tolerant = () => new TolerantParser(typeof input === 'string' ? Buffer.from(input, 'utf8') : input).parseDocument();
  if (text.includes('{{') || UNQUOTED_INTEGER_KEY.test(text)) return tolerant();
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return tolerant();
  }
}

const UNQUOTED_INTEGER_KEY = /[{,]-?\d+:/;

/**
 * Hands each member of the top-level object's map `field` to `onMember` as soon as it is parsed, and parses the
 * document's other fields only to skip them: the map itself never exists, nor the body as one string. A broker's
 * offset table at 50,000 groups is 150,000 members in 19 MB; parsed whole it took 150-180 MB of heap at its peak
 * besides what was kept of it. Keys are their text (an unquoted integer key "0", a quoted one unescaped).
 */
export function forEachMember(input: string | Buffer, field: string, onMember: (key: string, value: JsonValue) => void): void {
  new TolerantParser(typeof input === 'string' ? Buffer.from(input, 'utf8') : input).forEachMember(field, onMember);
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

const enum Byte {
  Tab = 9, Newline = 10, Return = 13, Space = 32, Quote = 34, Dollar = 36, Apostrophe = 39, Plus = 43, Comma = 44,
  Minus = 45, Dot = 46, Zero = 48, Nine = 57, Colon = 58, UpperA = 65, UpperD = 68, UpperE = 69, UpperF = 70,
  UpperL = 76, UpperZ = 90, OpenBracket = 91, Backslash = 92, CloseBracket = 93, Underscore = 95, LowerA = 97,
  LowerE = 101, LowerZ = 122, OpenBrace = 123, CloseBrace = 125,
}

const ESCAPES: Record<number, string> = { 110: '\n', 116: '\t', 114: '\r', 98: '\b', 102: '\f' };

/**
 * Reads the body's UTF-8 bytes, not a string of them: every string it gives back is a copy of its own bytes. A slice
 * of one big string keeps the whole of it alive (V8 makes slices of 13 characters and more views of their parent),
 * so one group name kept from a 20 MB table kept the 20 MB.
 */
class TolerantParser {
  private i = 0;
  private depth = 0;
  constructor(private readonly b: Buffer) {}

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
    if (this.i < this.b.length) this.fail('unexpected trailing text');
    return value;
  }

  forEachMember(field: string, onMember: (key: string, value: JsonValue) => void): void {
    this.ws();
    if (this.b[this.i] !== Byte.OpenBrace) this.fail('expected an object');
    this.members(() => {
      const key = this.key();
      this.colon();
      if (key !== field) return void this.value();
      this.ws();
      if (this.b[this.i] !== Byte.OpenBrace) return void this.value(); // null or another shape: nothing to hand over
      this.nested(() =>
        this.members(() => {
          const member = this.key();
          this.colon();
          onMember(member, this.value());
        }),
      );
    });
    this.ws();
    if (this.i < this.b.length) this.fail('unexpected trailing text');
  }

  /** The members of the object at this.i, each read by `member`. */
  private members(member: () => void): void {
    this.items(Byte.CloseBrace, 'expected "," or "}" in an object', member);
  }

  /** Comma-separated items up to `close`, the opening bracket at this.i, each read by `item`. */
  private items(close: Byte, expected: string, item: () => void): void {
    this.i++; // { or [
    this.ws();
    if (this.b[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      item();
      this.ws();
      const next = this.b[this.i++];
      if (next === Byte.Comma) continue;
      if (next === close) return;
      this.i--;
      this.fail(expected);
    }
  }

  /** A quoted or bare key (object() reads an object literal key itself). */
  private key(): string {
    this.ws();
    const c = this.b[this.i];
    return c === Byte.Quote || c === Byte.Apostrophe ? this.string() : this.bareKey();
  }

  private colon(): void {
    this.ws();
    if (this.b[this.i] !== Byte.Colon) this.fail('expected ":" after a key');
    this.i++;
  }

  private fail(message: string): never {
    throw new FastjsonSyntaxError(message, this.i);
  }

  private ws(): void {
    const b = this.b;
    while (this.i < b.length) {
      const c = b[this.i];
      if (c === Byte.Space || c === Byte.Newline || c === Byte.Return || c === Byte.Tab) this.i++;
      else break;
    }
  }

  private value(): JsonValue {
    this.ws();
    const c = this.b[this.i];
    if (c === Byte.OpenBrace) return this.nested(() => this.object());
    if (c === Byte.OpenBracket) return this.nested(() => this.array());
    if (c === Byte.Quote || c === Byte.Apostrophe) return this.string();
    if (c === Byte.Minus || (c !== undefined && c >= Byte.Zero && c <= Byte.Nine)) return this.number();
    return this.word();
  }

  private object(): JsonObject {
    const out: JsonObject = {};
    let keys: Map<string, JsonValue> | undefined;
    this.members(() => {
      this.ws();
      const c = this.b[this.i];
      let key: string;
      if (c === Byte.OpenBrace || c === Byte.OpenBracket) {
        // fastjson writes a key object with sorted properties and no spaces, so its text is canonical already
        const start = this.i;
        const keyValue = this.nested(() => (c === Byte.OpenBrace ? this.object() : this.array()));
        key = this.b.toString('utf8', start, this.i);
        (keys ??= new Map()).set(key, keyValue);
      } else {
        key = this.key();
      }
      this.colon();
      out[key] = this.value();
    });
    if (keys) complexKeys.set(out, keys);
    return out;
  }

  private array(): JsonValue[] {
    const out: JsonValue[] = [];
    this.items(Byte.CloseBracket, 'expected "," or "]" in an array', () => out.push(this.value()));
    return out;
  }

  /** Quotes and backslashes are ASCII, which never occurs inside a multi-byte UTF-8 sequence: runs decode whole. */
  private string(): string {
    const b = this.b;
    const quote = b[this.i++];
    let out = '';
    let runStart = this.i;
    while (this.i < b.length) {
      const c = b[this.i];
      if (c === quote) {
        out += b.toString('utf8', runStart, this.i);
        this.i++;
        return out;
      }
      if (c !== Byte.Backslash) {
        this.i++;
        continue;
      }
      out += b.toString('utf8', runStart, this.i);
      const e = b[this.i + 1];
      if (e === undefined) this.fail('unterminated escape');
      this.i += 2;
      if (e === 117 || e === 120) {
        // \uXXXX, or \xNN which fastjson may write for control characters
        const digits = e === 117 ? 4 : 2;
        const hex = b.toString('latin1', this.i, this.i + digits);
        if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) this.fail(`bad \\${String.fromCharCode(e)} escape`);
        out += String.fromCharCode(parseInt(hex, 16));
        this.i += digits;
      } else if (e >= 0x80) {
        this.i--; // an escaped multi-byte character stands for itself: it starts the next run
      } else {
        out += ESCAPES[e] ?? String.fromCharCode(e);
      }
      runStart = this.i;
    }
    this.fail('unterminated string');
  }

  private number(): number {
    const start = this.i;
    const b = this.b;
    if (b[this.i] === Byte.Minus) this.i++;
    for (;;) {
      const c = b[this.i];
      if (c === undefined) break;
      if ((c >= Byte.Zero && c <= Byte.Nine) || c === Byte.Dot || c === Byte.LowerE || c === Byte.UpperE || c === Byte.Plus || c === Byte.Minus) this.i++;
      else break;
    }
    const n = Number(b.toString('latin1', start, this.i));
    // fastjson may suffix numbers with a type letter (L, F, D) in some modes
    const suffix = b[this.i];
    if (suffix === Byte.UpperL || suffix === Byte.UpperF || suffix === Byte.UpperD) this.i++;
    if (Number.isNaN(n) || this.i === start) this.fail('bad number');
    return n;
  }

  private word(): JsonValue {
    const rest = this.b.toString('latin1', this.i, this.i + 9);
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
    const b = this.b;
    for (;;) {
      const c = b[this.i];
      if (c === undefined) break;
      const word = (c >= Byte.Zero && c <= Byte.Nine) || (c >= Byte.UpperA && c <= Byte.UpperZ) || (c >= Byte.LowerA && c <= Byte.LowerZ) || c === Byte.Underscore || c === Byte.Dollar || c === Byte.Dot || c === Byte.Minus || c === Byte.Plus;
      if (!word) break;
      this.i++;
    }
    if (this.i === start) this.fail('expected a key');
    return b.toString('latin1', start, this.i);
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
