import type { IssueCollector } from './errors';

/** Checks a piece of text against required/max rules, adding an issue named after the field. */
export function checkText(
  issues: IssueCollector,
  field: string,
  value: string | null | undefined,
  rule: { label: string; code: string; required?: boolean; max: number },
): void {
  const text = value?.trim() ?? '';
  if (rule.required && text.length === 0) {
    issues.add(field, `${rule.code}.EMPTY`, `${rule.label} is empty: write something.`);
  } else if (text.length > rule.max) {
    issues.add(
      field,
      `${rule.code}.TOO_LONG`,
      `${rule.label} is ${text.length.toLocaleString('en')} characters; the limit is ${rule.max.toLocaleString('en')}.`,
    );
  }
}

/** A calendar date written YYYY-MM-DD that exists. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Ids asked for that the store did not return. */
export function missingIds(asked: readonly string[], found: readonly { id: string }[]): string[] {
  const known = new Set(found.map((f) => f.id));
  return asked.filter((id) => !known.has(id));
}
