import type { Customer } from './customer';

export interface CustomerRepository {
  findById(id: string): Promise<Customer | null>;
  findByIds(ids: readonly string[]): Promise<Customer[]>;
  /** Type-ahead over names and identifiers. */
  search(text: string, limit: number): Promise<Customer[]>;
}
