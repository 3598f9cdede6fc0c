/** A person's named feed: the filters and sort they use often, kept as the feed's query string. */
export interface SavedView {
  id: string;
  personId: string;
  name: string;
  /** The feed's query string without the leading `?`, e.g. `kind=pain&sort=evidence`. */
  query: string;
  createdAt: Date;
}

export const MAX_SAVED_VIEW_NAME = 60;
export const MAX_SAVED_VIEWS = 50;

export interface SavedViewRepository {
  /** The person's views, by name. */
  listByPerson(personId: string): Promise<SavedView[]>;
  add(view: Omit<SavedView, 'id'>): Promise<SavedView>;
  /** Removes the person's own view; false when they have none with that id. */
  remove(id: string, personId: string): Promise<boolean>;
}
