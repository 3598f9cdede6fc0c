import type { DomainEvent } from '@heard/domain';
import type { Task } from 'graphile-worker';
import type { ChatDelivery } from './chat-delivery';

export const REFRESH_CARDS_TASK = 'chat-refresh-cards';

/** After an insight changes (me-too, evidence, goal link), each platform redraws its cards about it. */
export function refreshCards(chat: readonly ChatDelivery[]): Task {
  return async (payload) => {
    const { insightId } = payload as { insightId: string } & DomainEvent;
    for (const delivery of chat) await delivery.refreshCards?.(insightId);
  };
}
