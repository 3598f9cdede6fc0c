/** An identifier of the customer in one system: crm:C-1042, support:8841, email:anna@acme.io … */
export interface CustomerIdentifier {
  system: string;
  value: string;
}

/** One real customer (a person or an account) however many systems know them. */
export interface Customer {
  id: string;
  name: string;
  kind: 'person' | 'account';
  segment: string | null;
  /** Yearly value (e.g. revenue), used to rank what is heard by who it is heard from. */
  value: number | null;
  identifiers: CustomerIdentifier[];
}
