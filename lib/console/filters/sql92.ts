/**
 * Checks a SQL92 message selector as the broker's SelectorParser reads it (RocketMQ filter module grammar), so an
 * expression that would not compile is refused with where it breaks. The check matters: a broker that cannot parse
 * a subscription builds no filter for it, and a pull then matches every message.
 */

export type Sql92Check = { ok: true } | { ok: false; position: number; message: string };

type Kind = 'kw' | 'num' | 'str' | 'id' | 'op' | 'end';
interface Tok {
  kind: Kind;
  text: string;
  /** 1-based column of its first character. */
  pos: number;
}

const KEYWORDS = new Set(['NOT', 'AND', 'OR', 'BETWEEN', 'IN', 'TRUE', 'FALSE', 'NULL', 'IS', 'CONTAINS', 'STARTSWITH', 'ENDSWITH']);

class SqlError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (src.startsWith('--', i)) {
      const nl = src.slice(i).search(/[\r\n]/);
      // the grammar's line comment needs its line end
      if (nl < 0) throw new SqlError(i + 1, 'a -- comment must end with a new line');
      i += nl + 1;
      continue;
    }
    if (src.startsWith('/*', i)) {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) throw new SqlError(i + 1, 'unclosed /* comment');
      i = close + 2;
      continue;
    }
    const start = i + 1;
    if (c === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new SqlError(start, 'unclosed string literal');
        if (src[j] === "'") {
          if (src[j + 1] === "'") { j += 2; continue; }
          break;
        }
        j++;
      }
      out.push({ kind: 'str', text: src.slice(i, j + 1), pos: start });
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+\.\d*(?:E[+-]?\d+)?|\.\d+(?:E[+-]?\d+)?|\d+E[+-]?\d+|0|[1-9]\d*L?)/i.exec(src.slice(i));
    if (num && (c !== '.' || /\d/.test(src[i + 1] ?? ''))) {
      // a number run straight into letters ("5abc") is no token the broker knows
      if (/^[A-Za-z_$]/.test(src.slice(i + num[0].length))) throw new SqlError(start, `"${src.slice(i).match(/^[\w$.]+/)![0]}" is not a number or a name`);
      out.push({ kind: 'num', text: num[0], pos: start });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i));
    if (id) {
      const upper = id[0].toUpperCase();
      out.push({ kind: KEYWORDS.has(upper) ? 'kw' : 'id', text: KEYWORDS.has(upper) ? upper : id[0], pos: start });
      i += id[0].length;
      continue;
    }
    const op = /^(?:<>|>=|<=|[=<>(),+-])/.exec(src.slice(i));
    if (op) {
      out.push({ kind: 'op', text: op[0], pos: start });
      i += op[0].length;
      continue;
    }
    throw new SqlError(start, `unexpected character "${c}"${c === '.' ? ' (property names cannot contain dots)' : ''}`);
  }
  out.push({ kind: 'end', text: 'end of expression', pos: src.length + 1 });
  return out;
}

/** What an expression yields, as far as the parser cares: a boolean, a property (cast to boolean if need be), or a value. */
type Yields = 'bool' | 'prop' | 'value';

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private get t(): Tok {
    return this.toks[this.i]!;
  }

  private is(kind: Kind, text?: string, ahead = 0): boolean {
    const t = this.toks[this.i + ahead];
    return t !== undefined && t.kind === kind && (text === undefined || t.text === text);
  }

  private expect(kind: Kind, text: string | undefined, what: string): Tok {
    if (!this.is(kind, text)) throw new SqlError(this.t.pos, `expected ${what}, found ${this.describe(this.t)}`);
    return this.toks[this.i++]!;
  }

  private describe(t: Tok): string {
    return t.kind === 'end' ? 'the end of the expression' : `"${t.text}"`;
  }

  private bool(y: Yields, at: Tok): void {
    if (y === 'value') throw new SqlError(at.pos, `${this.describe(at)} does not give true or false`);
  }

  parse(): void {
    const first = this.t;
    if (first.kind === 'end') throw new SqlError(1, 'the expression is empty');
    this.bool(this.or(), first);
    // the broker's parser stops at the end of the first whole expression and ignores the rest without a word, so
    // "a > 5 b < 2" would filter by a > 5 alone: refused here
    if (this.t.kind !== 'end') throw new SqlError(this.t.pos, `unexpected ${this.describe(this.t)}: the broker would stop reading there and filter by what comes before alone`);
  }

  private or(): Yields {
    const first = this.t;
    let y = this.and();
    while (this.is('kw', 'OR')) {
      this.bool(y, first);
      this.i++;
      const right = this.t;
      this.bool(this.and(), right);
      y = 'bool';
    }
    return y;
  }

  private and(): Yields {
    const first = this.t;
    let y = this.equality();
    while (this.is('kw', 'AND')) {
      this.bool(y, first);
      this.i++;
      const right = this.t;
      this.bool(this.equality(), right);
      y = 'bool';
    }
    return y;
  }

  private equality(): Yields {
    let y = this.comparison();
    for (;;) {
      if (this.is('op', '=') || this.is('op', '<>')) {
        this.i++;
        this.comparison();
        y = 'bool';
      } else if (this.is('kw', 'IS')) {
        this.i++;
        if (this.is('kw', 'NOT')) this.i++;
        this.expect('kw', 'NULL', 'NULL after IS');
        y = 'bool';
      } else {
        return y;
      }
    }
  }

  private comparison(): Yields {
    let y = this.unary();
    for (;;) {
      if (['>', '>=', '<', '<='].some((op) => this.is('op', op))) {
        this.i++;
        this.unary();
        y = 'bool';
        continue;
      }
      const not = this.is('kw', 'NOT') && ['CONTAINS', 'STARTSWITH', 'ENDSWITH', 'BETWEEN', 'IN'].some((k) => this.is('kw', k, 1));
      if (not) this.i++;
      if (this.is('kw', 'CONTAINS') || this.is('kw', 'STARTSWITH') || this.is('kw', 'ENDSWITH')) {
        const kw = this.toks[this.i++]!.text;
        this.expect('str', undefined, `a quoted string after ${kw}`);
      } else if (this.is('kw', 'BETWEEN')) {
        this.i++;
        this.unary();
        this.expect('kw', 'AND', 'AND between the two bounds of BETWEEN');
        this.unary();
      } else if (this.is('kw', 'IN')) {
        this.i++;
        this.expect('op', '(', '"(" after IN');
        this.expect('str', undefined, 'a quoted string in the IN list');
        while (this.is('op', ',')) {
          this.i++;
          this.expect('str', undefined, 'a quoted string in the IN list');
        }
        this.expect('op', ')', '")" closing the IN list');
      } else {
        return y;
      }
      y = 'bool';
    }
  }

  private unary(): Yields {
    if (this.is('op', '+') || this.is('op', '-')) {
      this.i++;
      this.unary();
      return 'value';
    }
    if (this.is('kw', 'NOT')) {
      this.i++;
      const at = this.t;
      this.bool(this.unary(), at);
      return 'bool';
    }
    return this.primary();
  }

  private primary(): Yields {
    const t = this.t;
    if (t.kind === 'str' || t.kind === 'num' || (t.kind === 'kw' && t.text === 'NULL')) {
      this.i++;
      return 'value';
    }
    if (t.kind === 'kw' && (t.text === 'TRUE' || t.text === 'FALSE')) {
      this.i++;
      return 'bool';
    }
    if (t.kind === 'id') {
      this.i++;
      return 'prop';
    }
    if (this.is('op', '(')) {
      this.i++;
      const y = this.or();
      this.expect('op', ')', '")"');
      return y;
    }
    throw new SqlError(t.pos, `expected a value, a property name or "(", found ${this.describe(t)}`);
  }
}

export function checkSql92(expression: string): Sql92Check {
  try {
    new Parser(tokenize(expression)).parse();
    return { ok: true };
  } catch (error) {
    if (error instanceof SqlError) return { ok: false, position: error.position, message: error.message };
    throw error;
  }
}

/** A tag expression as the broker splits it ("TagA || TagB", or * for every tag); each tag must be non-empty. */
export function checkTagExpression(expression: string): Sql92Check {
  const text = expression.trim();
  if (text === '' || text === '*') return { ok: true };
  let at = 0;
  for (const part of expression.split('||')) {
    if (part.trim() === '') return { ok: false, position: at + 1, message: 'an empty tag between ||' };
    at += part.length + 2;
  }
  return { ok: true };
}
