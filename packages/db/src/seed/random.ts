/** A small seeded generator (mulberry32): the same seed yields the same organisation on every machine. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A generator that continues from where this one is now, independently of it. */
  clone(): SeededRandom {
    const copy = new SeededRandom(0);
    copy.state = this.state;
    return copy;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** An index in [0, length). */
  index(length: number): number {
    return Math.floor(this.next() * length);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.index(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Picks by weight: `[['slack', 40], ['web', 20]]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  sample<T>(items: readonly T[], count: number): T[] {
    return this.sampleIndices(items.length, count).map((i) => items[i]!);
  }
  /**
   * Up to `count` distinct indices in [0, length), leaving out `excluded`. Draws as if taking
   * from a shrinking copy of the list without `excluded`, but never copies it: sampling a few
   * of 50,000 customers a million times must not cost a million copies.
   */
  sampleIndices(length: number, count: number, excluded?: number): number[] {
    const taken: number[] = excluded === undefined ? [] : [excluded];
    const out: number[] = [];
    while (out.length < count && taken.length < length) {
      let index = this.index(length - taken.length);
      // `taken` is sorted: step over every index already taken at or before this one.
      let at = 0;
      while (at < taken.length && taken[at]! <= index) {
        index++;
        at++;
      }
      taken.splice(at, 0, index);
      out.push(index);
    }
    return out;
  }
  /** A deterministic v4-shaped uuid, so seeded rows have stable ids across runs. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
