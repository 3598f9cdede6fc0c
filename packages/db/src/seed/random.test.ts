import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random';

/** What `sample` did before it stopped copying the list: take from a shrinking copy. */
function sampleByCopying<T>(rnd: SeededRandom, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0)
    out.push(pool.splice(Math.floor(rnd.next() * pool.length), 1)[0]!);
  return out;
}

describe('SeededRandom', () => {
  const items = Array.from({ length: 40 }, (_, i) => `item-${i}`);

  it('samples the same items as taking them from a shrinking copy of the list', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const count = seed % 12;
      expect(new SeededRandom(seed).sample(items, count)).toEqual(
        sampleByCopying(new SeededRandom(seed), items, count),
      );
    }
  });

  it('samples around a left-out index as if it had been filtered out of the list first', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const excluded = seed % items.length;
      const rnd = new SeededRandom(seed);
      const picked = rnd.sampleIndices(items.length, 5, excluded).map((i) => items[i]);
      const expected = sampleByCopying(
        new SeededRandom(seed),
        items.filter((_, i) => i !== excluded),
        5,
      );
      expect(picked).toEqual(expected);
      expect(picked).not.toContain(items[excluded]);
    }
  });

  it('stops when every index is taken', () => {
    expect(new SeededRandom(3).sampleIndices(4, 10, 2).sort()).toEqual([0, 1, 3]);
    expect(new SeededRandom(3).sample(items.slice(0, 3), 5)).toHaveLength(3);
  });

  it('continues identically from a clone', () => {
    const rnd = new SeededRandom(9);
    rnd.next();
    const copy = rnd.clone();
    expect([rnd.next(), rnd.next()]).toEqual([copy.next(), copy.next()]);
  });
});
