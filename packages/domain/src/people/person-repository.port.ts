import type { Person, Team } from './person';

export interface PersonRepository {
  findById(id: string): Promise<Person | null>;
  findByEmail(email: string): Promise<Person | null>;
  findByIds(ids: readonly string[]): Promise<Person[]>;
  list(): Promise<Person[]>;
}

export interface TeamRepository {
  findById(id: string): Promise<Team | null>;
  list(): Promise<Team[]>;
}
