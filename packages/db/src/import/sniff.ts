/** Delimiters spreadsheet and CRM exports use, in order of preference on a tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Fields per line for `delimiter`, honouring double quotes (a quoted delimiter is text). */
function fieldCounts(lines: string[], delimiter: string): number[] {
  return lines.map((line) => {
    let count = 1;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === delimiter && !quoted) count++;
    }
    return count;
  });
}

/**
 * Guesses the delimiter from the first lines: the one that splits every line into the same
 * number of fields (more than one), the most fields winning among equally consistent ones.
 */
export function sniffDelimiter(sample: string): string {
  const lines = sample
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((l) => l.trim().length > 0);
  // The last line of a sample may be cut short.
  if (lines.length > 2) lines.pop();
  let best: { delimiter: string; consistency: number; fields: number } = {
    delimiter: ',',
    consistency: 0,
    fields: 1,
  };
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(lines, delimiter);
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    const consistency = counts.filter((c) => c === header).length / counts.length;
    if (consistency > best.consistency || (consistency === best.consistency && header > best.fields))
      best = { delimiter, consistency, fields: header };
  }
  return best.delimiter;
}

/** The name people know a delimiter by, for reports. */
export function delimiterName(delimiter: string): string {
  return { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[delimiter] ?? `"${delimiter}"`;
}
