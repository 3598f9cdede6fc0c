import type { PiiCorpusCase } from './pii-corpus';
import type { PiiFinding, PiiKind } from './pii-kinds';

export interface PiiScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Each mistake, to say what to improve. */
  mistakes: { text: string; kind: PiiKind; value: string; error: 'missed' | 'spurious' }[];
}

/** Precision and recall of a scanner over a corpus: a finding counts when its kind and text match exactly. */
export function scoreScanner(
  corpus: readonly PiiCorpusCase[],
  scan: (text: string) => PiiFinding[],
): PiiScore {
  const score: PiiScore = {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    precision: 0,
    recall: 0,
    mistakes: [],
  };
  for (const c of corpus) {
    const expected = c.expected.map((e) => `${e.kind}\u0000${e.value}`);
    const found = scan(c.text).map((f) => `${f.kind}\u0000${f.value}`);
    const unmatched = [...expected];
    for (const f of found) {
      const at = unmatched.indexOf(f);
      if (at >= 0) {
        unmatched.splice(at, 1);
        score.truePositives++;
      } else {
        score.falsePositives++;
        const [kind, value] = f.split('\u0000') as [PiiKind, string];
        score.mistakes.push({ text: c.text, kind, value, error: 'spurious' });
      }
    }
    for (const e of unmatched) {
      score.falseNegatives++;
      const [kind, value] = e.split('\u0000') as [PiiKind, string];
      score.mistakes.push({ text: c.text, kind, value, error: 'missed' });
    }
  }
  const tp = score.truePositives;
  score.precision = tp + score.falsePositives === 0 ? 1 : tp / (tp + score.falsePositives);
  score.recall = tp + score.falseNegatives === 0 ? 1 : tp / (tp + score.falseNegatives);
  return score;
}
