import type { Collection } from './collection';

export interface CollectionRepository {
  findById(id: string): Promise<Collection | null>;
  /** Stores the curator's order: positions follow the given ids, which are exactly the collection's items. */
  setOrder(id: string, insightIds: readonly string[]): Promise<void>;
}
