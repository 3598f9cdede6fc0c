import { type Person, type ReadScope, readScopeFor } from '@heard/domain';

/**
 * Reads as someone who is in no team and named by no insight: only insights everyone may read.
 * What is shown in a shared conversation is read by all its members, not only by the person
 * who asked, so a restricted insight must never appear there.
 */
export const EVERYONE_SCOPE: ReadScope = {
  personId: '00000000-0000-0000-0000-000000000000',
  teamId: null,
  seesEverything: false,
};

/** Personal chats are the only conversations with one reader. */
export const isPersonalConversation = (conversationId: string, conversationType?: string) =>
  conversationType === 'personal' || (!conversationType && conversationId.startsWith('a:'));

/** The person's own scope in their personal chat; elsewhere, what everyone may read. */
export function scopeFor(person: Person, conversationId: string, conversationType?: string): ReadScope {
  return isPersonalConversation(conversationId, conversationType) ? readScopeFor(person) : EVERYONE_SCOPE;
}
