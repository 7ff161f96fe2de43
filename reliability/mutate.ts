/** Deterministic mutations of recorded bytes: what a broken broker, a proxy in the middle or a bad disk could send. */

/** mulberry32: small, fast and the same for a seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Mutation = 'bit-flip' | 'truncate' | 'length-field' | 'repeat-block' | 'insert-bytes' | 'nest-json';
export const MUTATIONS: readonly Mutation[] = ['bit-flip', 'truncate', 'length-field', 'repeat-block', 'insert-bytes', 'nest-json'];

const int = (rand: () => number, n: number) => Math.floor(rand() * n);
/** Values a length field is pointed at: just short and past the end, zero, negative, and 2^31-ish. */
const LENGTHS = (len: number) => [0, 1, len - 1, len + 1, len * 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x10000000];

export function mutate(input: Buffer, kind: Mutation, rand: () => number): Buffer {
  const out = Buffer.from(input);
  switch (kind) {
    case 'bit-flip': {
      if (out.length === 0) return out;
      for (let i = 1 + int(rand, 8); i > 0; i--) {
        const at = int(rand, out.length);
        out[at] = out[at]! ^ (1 << int(rand, 8));
      }
      return out;
    }
    case 'truncate':
      return out.subarray(0, int(rand, out.length));
    case 'length-field': {
      // the frame's total length (0) and header length (4, with the serialize type in its top byte), or any 4 bytes
      if (out.length < 4) return out;
      const at = rand() < 0.6 ? (rand() < 0.5 ? 0 : Math.min(4, out.length - 4)) : int(rand, out.length - 3);
      const values = LENGTHS(out.length);
      out.writeUInt32BE(values[int(rand, values.length)]! >>> 0, at);
      return out;
    }
    case 'repeat-block': {
      if (out.length === 0) return out;
      const from = int(rand, out.length);
      const block = out.subarray(from, from + 1 + int(rand, Math.min(64, out.length - from)));
      const times = 1 + int(rand, 50);
      const at = int(rand, out.length);
      return Buffer.concat([out.subarray(0, at), ...Array.from({ length: times }, () => block), out.subarray(at)]);
    }
    case 'insert-bytes': {
      const at = int(rand, out.length + 1);
      const noise = Buffer.from(Array.from({ length: 1 + int(rand, 16) }, () => int(rand, 256)));
      return Buffer.concat([out.subarray(0, at), noise, out.subarray(at)]);
    }
    case 'nest-json': {
      // deep nesting where a JSON body or header starts: a recursive parser's stack is the target
      const at = out.indexOf(rand() < 0.5 ? 0x7b : 0x5b);
      if (at < 0) return out;
      const depth = [10, 1000, 20000, 200000][int(rand, 4)]!;
      const open = rand() < 0.5 ? '[' : '{"a":';
      const close = open === '[' ? ']' : '}';
      return Buffer.concat([out.subarray(0, at), Buffer.from(open.repeat(depth)), out.subarray(at), Buffer.from(close.repeat(depth))]);
    }
  }
}
