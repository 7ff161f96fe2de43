/**
 * 32-bit FNV-1a over a sequence of texts and integers, each text closed by a separator so ["ab", "c"] and ["a", "bc"]
 * differ. For in-memory change detection and bucketing only: equal hashes are not proof of equal input.
 */
export class Fnv1a {
  private h = 0x811c9dc5;

  text(value: string): this {
    let h = this.h;
    for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
    this.h = Math.imul(h ^ 0x1f, 0x01000193);
    return this;
  }

  /** An integer mixed as one value, with no string made for it. */
  int(value: number): this {
    this.h = Math.imul(this.h ^ value, 0x01000193);
    return this;
  }

  get value(): number {
    return this.h >>> 0;
  }
}
