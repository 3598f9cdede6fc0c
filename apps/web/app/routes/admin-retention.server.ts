import type { GovernanceHub } from '@heard/db';
import {
  checkRetentionPolicy,
  completePiiPolicy,
  type Person,
  PII_ACTIONS,
  PII_KINDS,
  type RetentionData,
  type SourceKind,
} from '@heard/domain';

/** What the retention page's forms ask for, by their `intent` field. */
export async function handleRetentionForm(
  governance: GovernanceHub,
  actor: Person,
  form: FormData,
): Promise<{ ok: true; message: string } | { ok: false; errors: Record<string, string> }> {
  const field = (name: string) => String(form.get(name) ?? '').trim();
  switch (field('intent')) {
    case 'pii-policy': {
      const rules: Record<string, { action: string; keepOriginal: boolean }> = {};
      for (const kind of PII_KINDS) {
        const action = field(`${kind}.action`);
        if (!(PII_ACTIONS as readonly string[]).includes(action))
          return { ok: false, errors: { [`${kind}.action`]: 'Choose mask, flag or reject.' } };
        rules[kind] = { action, keepOriginal: form.get(`${kind}.keepOriginal`) === 'on' };
      }
      await governance.savePiiPolicy(completePiiPolicy(rules as never), actor.id);
      return { ok: true, message: 'Intake policy saved; it applies to insights shared from now on.' };
    }
    case 'policy': {
      const input = {
        data: field('data'),
        source: field('source') || null,
        keepDays: Number(field('keepDays')),
        afterwards: field('afterwards'),
      };
      const errors = checkRetentionPolicy(input);
      if (Object.keys(errors).length) return { ok: false, errors };
      await governance.saveRetentionPolicy(
        {
          data: input.data as RetentionData,
          source: input.source as SourceKind | null,
          keepDays: input.keepDays,
          afterwards: input.afterwards as 'anonymise' | 'delete',
        },
        actor.id,
      );
      return { ok: true, message: 'Retention policy saved; the next run applies it.' };
    }
    case 'remove-policy':
      return (await governance.deleteRetentionPolicy(field('id'), actor.id))
        ? { ok: true, message: 'Policy removed.' }
        : { ok: false, errors: { form: 'That policy no longer exists.' } };
    case 'hold': {
      const reason = field('reason');
      const subjectType = field('subjectType') === 'insight' ? 'insight' : 'customer';
      let subjectId = field('subject')
        .replace(/^.*\/insights\//, '')
        .replace(/[/?#].*$/, '');
      if (!reason)
        return { ok: false, errors: { reason: 'Say why the data must be kept (e.g. the case number).' } };
      if (reason.length > 500)
        return { ok: false, errors: { reason: 'Keep the reason under 500 characters.' } };
      if (subjectType === 'customer') {
        const matches = await governance.findCustomers(field('subject'));
        if (matches.length > 1)
          return { ok: false, errors: { subject: 'Several customers match: use the customer id.' } };
        subjectId = matches[0]?.id ?? '';
      }
      const id = await governance.placeLegalHold({ subjectType, subjectId, reason, by: actor.id });
      return id
        ? { ok: true, message: 'Legal hold placed: retention and erasure skip it until released.' }
        : {
            ok: false,
            errors: { subject: `No ${subjectType} matches that; use an identifier, an id or a link.` },
          };
    }
    case 'release':
      return (await governance.releaseLegalHold(field('id'), actor.id))
        ? { ok: true, message: 'Hold released.' }
        : { ok: false, errors: { form: 'That hold was already released.' } };
    case 'run': {
      const report = await governance.applyRetentionNow();
      return { ok: true, message: `Retention applied: ${report.total} records anonymised or deleted.` };
    }
    default:
      return { ok: false, errors: { form: 'Unknown request; reload the page and try again.' } };
  }
}
