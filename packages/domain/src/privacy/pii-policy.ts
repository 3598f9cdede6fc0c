import { PII_KINDS, type PiiKind } from './pii-kinds';

/** What intake does with one kind of personal data. */
export const PII_ACTIONS = ['mask', 'flag', 'reject'] as const;
export type PiiAction = (typeof PII_ACTIONS)[number];

export interface PiiRule {
  /** `mask`: replaced in the stored text; `flag`: kept as written and marked; `reject`: the post is refused. */
  action: PiiAction;
  /** For `mask`: keep the original aside, readable only by people with the right (admins). */
  keepOriginal: boolean;
}

export type PiiPolicy = Record<PiiKind, PiiRule>;

/**
 * Privacy by default: everything is masked; originals that help a follow-up (how to reach the
 * customer) are kept aside for admins, payment and identity numbers never are.
 */
export const DEFAULT_PII_POLICY: PiiPolicy = {
  email: { action: 'mask', keepOriginal: true },
  phone: { action: 'mask', keepOriginal: true },
  card: { action: 'mask', keepOriginal: false },
  iban: { action: 'mask', keepOriginal: false },
  national_id: { action: 'mask', keepOriginal: false },
  address: { action: 'mask', keepOriginal: true },
};

/** A stored or submitted policy, completed from the defaults so a missing kind stays protected. */
export function completePiiPolicy(
  partial: Partial<Record<string, Partial<PiiRule>>> | null | undefined,
): PiiPolicy {
  const policy = { ...DEFAULT_PII_POLICY };
  for (const kind of PII_KINDS) {
    const rule = partial?.[kind];
    if (!rule) continue;
    const action =
      (['mask', 'flag', 'reject'] as const).find((a) => a === rule.action) ?? policy[kind].action;
    policy[kind] = { action, keepOriginal: action === 'mask' && rule.keepOriginal === true };
  }
  return policy;
}
