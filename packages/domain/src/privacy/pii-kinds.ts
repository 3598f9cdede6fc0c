/** Kinds of personal data the intake scanner recognises in free text. */
export const PII_KINDS = ['email', 'phone', 'card', 'iban', 'national_id', 'address'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** One piece of personal data found in a text, by character offsets (`end` exclusive). */
export interface PiiFinding {
  kind: PiiKind;
  start: number;
  end: number;
  /** The matched text as written. */
  value: string;
}

/** Words people read: in notices to reporters, on the data map and in the audit log. */
export const PII_LABELS: Record<PiiKind, string> = {
  email: 'email address',
  phone: 'phone number',
  card: 'payment card number',
  iban: 'bank account number (IBAN)',
  national_id: 'national ID number',
  address: 'street address',
};

/** Why each kind is protected, shown to the reporter next to what was masked. */
export const PII_REASONS: Record<PiiKind, string> = {
  email: 'An email address identifies a person directly and can be used to contact them.',
  phone: 'A phone number identifies a person directly and can be used to contact them.',
  card: 'Card numbers are payment data: Heard must never store them in readable form.',
  iban: 'An IBAN identifies a person’s bank account.',
  national_id: 'National ID numbers identify a person for life and are easily misused.',
  address: 'A street address tells where a person lives or works.',
};

export function isPiiKind(value: string): value is PiiKind {
  return (PII_KINDS as readonly string[]).includes(value);
}
