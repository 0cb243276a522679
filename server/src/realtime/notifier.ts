import type { AdvisorServerEvents, chatEvents, VisitorServerEvents } from '@infocig/shared';
import type { z } from 'zod';
import type { AdvisorNamespace, VisitorNamespace } from './typed-sockets.ts';

export const visitorRoom = (visitorKey: string) => `v:${visitorKey}`;
export const advisorRoom = (advisorId: string) => `a:${advisorId}`;
export const ALL_ADVISORS_ROOM = 'advisors';

type Args<M, E extends keyof M> = M[E] extends (payload: infer P) => void ? P : never;

/** A push both sides of a conversation receive in the same shape. */
export type ConversationPush = {
  [E in keyof typeof chatEvents]: { event: E; payload: z.output<(typeof chatEvents)[E]> };
}[keyof typeof chatEvents];

/**
 * Pushes to people rather than to sockets: every socket of a person joins that person's room at
 * connect, so a push reaches all their tabs, and whichever process holds them.
 */
export interface Notifier {
  toVisitor<E extends keyof VisitorServerEvents>(
    visitorKey: string,
    event: E,
    payload: Args<VisitorServerEvents, E>,
  ): void;
  toAdvisor<E extends keyof AdvisorServerEvents>(
    advisorId: string,
    event: E,
    payload: Args<AdvisorServerEvents, E>,
  ): void;
  toAllAdvisors<E extends keyof AdvisorServerEvents>(event: E, payload: Args<AdvisorServerEvents, E>): void;
  /** To the visitor and, when one holds the conversation, its advisor. */
  /** `except`: a socket that already has what the push says (the author's, from the ack). */
  toBoth(visitorKey: string, advisorId: string | undefined, push: ConversationPush, except?: string): void;
}

export function createNotifier(visitors: VisitorNamespace, advisors: AdvisorNamespace): Notifier {
  return {
    toVisitor(visitorKey, event, payload) {
      visitors
        .to(visitorRoom(visitorKey))
        .emit(event, ...([payload] as Parameters<VisitorServerEvents[typeof event]>));
    },
    toAdvisor(advisorId, event, payload) {
      advisors
        .to(advisorRoom(advisorId))
        .emit(event, ...([payload] as Parameters<AdvisorServerEvents[typeof event]>));
    },
    toAllAdvisors(event, payload) {
      advisors
        .to(ALL_ADVISORS_ROOM)
        .emit(event, ...([payload] as Parameters<AdvisorServerEvents[typeof event]>));
    },
    toBoth(visitorKey, advisorId, push, except) {
      // `ConversationPush` pairs each chat event with its payload; both namespaces carry chat events.
      type Target = { emit(event: string, payload: unknown): boolean; except(room: string): Target };
      const emit = (to: Target) => (except ? to.except(except) : to).emit(push.event, push.payload);
      emit(visitors.to(visitorRoom(visitorKey)));
      if (advisorId) emit(advisors.to(advisorRoom(advisorId)));
    },
  };
}
