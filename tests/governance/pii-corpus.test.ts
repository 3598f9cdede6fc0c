import { PII_CORPUS, PII_KINDS, scanPii, scoreScanner } from '@heard/domain';
import { describe, expect, it } from 'vitest';

describe('PII scanner: precision and recall over the corpus of examples and look-alikes', () => {
  it('prints the figures per kind and overall, and meets 95% on both', () => {
    const overall = scoreScanner(PII_CORPUS, scanPii);
    const lines = [
      `PII corpus: ${PII_CORPUS.length} texts, ${overall.truePositives} found, ${overall.falsePositives} spurious, ${overall.falseNegatives} missed`,
      `  overall   precision ${(overall.precision * 100).toFixed(1)}%  recall ${(overall.recall * 100).toFixed(1)}%`,
    ];
    for (const kind of PII_KINDS) {
      const only = (findings: ReturnType<typeof scanPii>) => findings.filter((f) => f.kind === kind);
      const corpus = PII_CORPUS.map((c) => ({ ...c, expected: c.expected.filter((e) => e.kind === kind) }));
      const score = scoreScanner(corpus, (text) => only(scanPii(text)));
      lines.push(
        `  ${kind.padEnd(11)} precision ${(score.precision * 100).toFixed(1)}%  recall ${(score.recall * 100).toFixed(1)}%  (${score.truePositives} found)`,
      );
    }
    for (const m of overall.mistakes) lines.push(`  ${m.error} ${m.kind} "${m.value}" in: ${m.text}`);
    console.log(lines.join('\n'));
    expect(overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(overall.recall).toBeGreaterThanOrEqual(0.95);
  });
});
