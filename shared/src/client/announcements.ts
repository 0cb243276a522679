/** What both apps read out when the connection drops and comes back. */
export type ConnectionAnnouncement = { kind: 'connection-lost' } | { kind: 'connection-restored' };

/** An announcement with an id, so the same text is read out again. */
export interface Announced<E> {
  id: number;
  event: E;
}

let lastId = 0;

/** Keeps only the last few: the live region reads additions, old ones need not stay in the DOM. */
export function announce<S extends { announcements: readonly Announced<unknown>[] }>(
  state: S,
  event: S['announcements'][number]['event'],
): S {
  lastId += 1;
  return { ...state, announcements: [...state.announcements.slice(-4), { id: lastId, event }] };
}

/** Ends a switch over a union: a case left out is a compile error. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
