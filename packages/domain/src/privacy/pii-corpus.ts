import type { PiiKind } from './pii-kinds';

/** One text as a reporter might paste it, with the personal data a careful reader finds in it. */
export interface PiiCorpusCase {
  text: string;
  expected: { kind: PiiKind; value: string }[];
}

const none: PiiCorpusCase['expected'] = [];

/**
 * Examples and look-alikes for the intake scanner, written for Heard (reserved example
 * domains, fictional numbers, documented test card numbers and IBANs). Look-alikes are
 * texts that resemble personal data but are not: order numbers, dates, prices, versions.
 */
export const PII_CORPUS: PiiCorpusCase[] = [
  // Emails
  {
    text: 'Anna (anna.lindqvist@example.com) says the export times out.',
    expected: [{ kind: 'email', value: 'anna.lindqvist@example.com' }],
  },
  {
    text: 'Forwarded from j.doe+billing@mail.example.co.uk: charged twice again',
    expected: [{ kind: 'email', value: 'j.doe+billing@mail.example.co.uk' }],
  },
  {
    text: 'Contact: OPS_TEAM@Example.ORG or ops-backup@example.org',
    expected: [
      { kind: 'email', value: 'OPS_TEAM@Example.ORG' },
      { kind: 'email', value: 'ops-backup@example.org' },
    ],
  },
  {
    text: '<mailto:kim@example.net> asked for a refund',
    expected: [{ kind: 'email', value: 'kim@example.net' }],
  },
  { text: 'Thanks @sarah, I pinged @billing-team about it', expected: none },
  { text: 'They email support@acme when the VPN fails', expected: none },
  { text: 'The docs at example.com/help@v2 are out of date', expected: none },
  { text: 'Upgrade to node@20.19 fixed the build for them', expected: none },
  // Phone numbers
  {
    text: 'Call her back on +44 20 7946 0958 after 3pm',
    expected: [{ kind: 'phone', value: '+44 20 7946 0958' }],
  },
  { text: 'His mobile is (415) 555-0132.', expected: [{ kind: 'phone', value: '(415) 555-0132' }] },
  {
    text: 'Reach the store at 212-555-0187 or 212.555.0199',
    expected: [
      { kind: 'phone', value: '212-555-0187' },
      { kind: 'phone', value: '212.555.0199' },
    ],
  },
  { text: 'Tel. 030 1234567 (Berlin office)', expected: [{ kind: 'phone', value: '030 1234567' }] },
  { text: 'Son portable: 06 12 34 56 78', expected: [{ kind: 'phone', value: '06 12 34 56 78' }] },
  { text: 'WhatsApp +31612345678 works best for him', expected: [{ kind: 'phone', value: '+31612345678' }] },
  { text: 'UK mobile 07700 900123, evenings only', expected: [{ kind: 'phone', value: '07700 900123' }] },
  { text: 'The outage lasted from 2024-03-15 to 15.03.2024 in their region', expected: none },
  { text: 'Ticket 48213 and ticket 99120 are the same problem', expected: none },
  { text: 'We lost 1,250,000 requests, about 12.5% of traffic', expected: none },
  { text: 'Their servers sit at 192.168.10.24 behind a proxy', expected: none },
  { text: 'Invoice INV-2024-000123 was for 1299.00 EUR', expected: none },
  { text: 'They run version 10.4.2.1187 of the desktop app', expected: none },
  { text: 'Order 123456789 arrived late', expected: none },
  { text: 'Renewal fell from 2300 seats to 1800 seats in 2025', expected: none },
  // Payment cards (documented test numbers)
  {
    text: 'She read out her card, 4111 1111 1111 1111, over the phone!',
    expected: [{ kind: 'card', value: '4111 1111 1111 1111' }],
  },
  {
    text: 'card no 5555-5555-5555-4444 exp 12/27',
    expected: [{ kind: 'card', value: '5555-5555-5555-4444' }],
  },
  { text: 'Amex 378282246310005 was declined', expected: [{ kind: 'card', value: '378282246310005' }] },
  { text: 'Paid with 6011111111111117 twice', expected: [{ kind: 'card', value: '6011111111111117' }] },
  { text: 'Reference 4111 1111 1111 1112 in the payment log', expected: none },
  { text: 'Tracking number 5432 1098 7654 3210 for the parcel', expected: none },
  { text: 'Account 1234567890123456 in the old CRM', expected: none },
  // IBANs (published examples)
  {
    text: 'Refund to DE89 3704 0044 0532 0130 00 please',
    expected: [{ kind: 'iban', value: 'DE89 3704 0044 0532 0130 00' }],
  },
  {
    text: 'IBAN GB82WEST12345698765432 (their UK account)',
    expected: [{ kind: 'iban', value: 'GB82WEST12345698765432' }],
  },
  {
    text: 'Virement sur FR14 2004 1010 0505 0001 3M02 606 demain',
    expected: [{ kind: 'iban', value: 'FR14 2004 1010 0505 0001 3M02 606' }],
  },
  { text: 'NL91ABNA0417164300 is on the invoice', expected: [{ kind: 'iban', value: 'NL91ABNA0417164300' }] },
  { text: 'Wrong account DE89 3704 0044 0532 0130 01 typed in', expected: none },
  { text: 'Part number GB12 ABCD 1234 5678 9012 34 is back-ordered', expected: none },
  { text: 'SKU DE44-RED-XL sold out in two days', expected: none },
  // National ID numbers
  {
    text: 'SSN 123-45-6789 was shown in the portal',
    expected: [{ kind: 'national_id', value: '123-45-6789' }],
  },
  {
    text: 'NI number AB 12 34 56 C on the payslip',
    expected: [{ kind: 'national_id', value: 'AB 12 34 56 C' }],
  },
  {
    text: 'Her DNI 12345678Z was rejected by the form',
    expected: [{ kind: 'national_id', value: '12345678Z' }],
  },
  { text: 'Error code 000-12-3456 appears at checkout', expected: none },
  { text: 'Build 12345678A failed on their machine', expected: none },
  { text: 'Sizes run small: XS 12-34-56 cm measurements are off', expected: none },
  // Street addresses
  {
    text: 'Ship to 221B Baker Street, London — the parcel never came',
    expected: [{ kind: 'address', value: '221B Baker Street' }],
  },
  {
    text: 'Moved to 1600 Pennsylvania Ave, Suite 200 last month',
    expected: [{ kind: 'address', value: '1600 Pennsylvania Ave, Suite 200' }],
  },
  {
    text: 'Office at 42 Elm Grove Road is closing',
    expected: [{ kind: 'address', value: '42 Elm Grove Road' }],
  },
  {
    text: 'Lieferung an Hauptstraße 12 in Köln ging verloren',
    expected: [{ kind: 'address', value: 'Hauptstraße 12' }],
  },
  {
    text: 'Le colis pour 15 rue de la Paix est revenu',
    expected: [{ kind: 'address', value: '15 rue de la Paix' }],
  },
  { text: 'Kerkstraat 7 is their new warehouse', expected: [{ kind: 'address', value: 'Kerkstraat 7' }] },
  { text: 'I bought 2 dresses and returned both', expected: none },
  { text: 'The store on Main Street was out of stock', expected: none },
  { text: 'Took 3 weeks to fix; Street team says sorry', expected: none },
  { text: 'They have 12 Way more tickets than last year', expected: none },
  // Mixed and clean
  {
    text: 'Tom Baker (tom.baker@example.com, +1 415 555 0101) lives at 9 Oak Lane and wants card 4242 4242 4242 4242 removed.',
    expected: [
      { kind: 'email', value: 'tom.baker@example.com' },
      { kind: 'phone', value: '+1 415 555 0101' },
      { kind: 'address', value: '9 Oak Lane' },
      { kind: 'card', value: '4242 4242 4242 4242' },
    ],
  },
  { text: 'Checkout is confusing: three steps too many, and the total changes at the end.', expected: none },
  { text: 'Love the new dashboard! Cut our weekly reporting from 4 hours to 20 minutes.', expected: none },
  { text: 'They will churn in Q3 unless SSO lands; 450 seats at €38 each.', expected: none },
  { text: 'Rated 4.5/5 on 2025-11-02; NPS 62 in the last survey', expected: none },
];
