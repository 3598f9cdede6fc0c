import { describe, expect, it } from 'vitest';
import { countOf } from './format';

describe('countOf', () => {
  it('puts the noun in the number the count needs', () => {
    expect(countOf(1, 'open action')).toBe('1 open action');
    expect(countOf(0, 'insight')).toBe('0 insights');
    expect(countOf(3, 'person', 'people')).toBe('3 people');
  });
});
