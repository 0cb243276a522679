import {
  type Ack,
  type AdvisorClientEvents,
  type AdvisorServerEvents,
  handshakeAuth,
  NAMESPACES,
  type SupervisorClientEvents,
  type SupervisorServerEvents,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type WireError,
} from '@infocig/shared';
import { io, type Socket } from 'socket.io-client';

type Payload<M, E extends keyof M> = M[E] extends (payload: infer P, ...rest: never[]) => void ? P : never;
type AckData<M, E extends keyof M> = M[E] extends (payload: never, ack: (res: Ack<infer R>) => void) => void
  ? R
  : never;

/**
 * A real socket.io-client that records every push from the moment it is created, so a test can
 * wait for an event that may already have arrived.
 */
export class TestClient<Server extends object, Client extends object> {
  readonly received: { event: string; payload: unknown }[] = [];
  private waiters: (() => void)[] = [];

  constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload });
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Resolves with the first matching push, already received or yet to come. */
  async next<E extends keyof Server & string>(
    event: E,
    match: (payload: Payload<Server, E>) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<Payload<Server, E>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.received.find((r) => r.event === event && match(r.payload as Payload<Server, E>));
      if (hit) return hit.payload as Payload<Server, E>;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${event}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  all<E extends keyof Server & string>(event: E): Payload<Server, E>[] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload as Payload<Server, E>);
  }

  /** Sends a command and resolves with its ack (success or coded error). */
  request<E extends keyof Client & string>(event: E, payload: unknown): Promise<Ack<AckData<Client, E>>> {
    return this.socket.timeout(5_000).emitWithAck(event, payload) as Promise<Ack<AckData<Client, E>>>;
  }

  /** Like request, but fails the test unless the command succeeded. */
  async ok<E extends keyof Client & string>(event: E, payload: unknown): Promise<AckData<Client, E>> {
    const res = await this.request(event, payload);
    if (!res.ok) throw new Error(`${event} failed: ${res.error.code} ${res.error.message}`);
    return res.data;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export type VisitorClient = TestClient<VisitorServerEvents, VisitorClientEvents>;
export type AdvisorClient = TestClient<AdvisorServerEvents, AdvisorClientEvents>;
export type SupervisorClient = TestClient<SupervisorServerEvents, SupervisorClientEvents>;

function open(url: string, namespace: string, auth: object): Socket {
  return io(`${url}${namespace}`, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
}

async function connected<C extends TestClient<object, object>>(client: C): Promise<C> {
  await new Promise<void>((resolve, reject) => {
    client.socket.once('connect', () => resolve());
    client.socket.once('connect_error', (err) => reject(err));
  });
  return client;
}

export function connectVisitor(url: string, token: string): Promise<VisitorClient> {
  return connected(new TestClient(open(url, NAMESPACES.visitor, handshakeAuth(token))));
}

export function connectAdvisor(url: string, token: string): Promise<AdvisorClient> {
  return connected(new TestClient(open(url, NAMESPACES.advisor, handshakeAuth(token))));
}

export function connectSupervisor(url: string, token: string): Promise<SupervisorClient> {
  return connected(new TestClient(open(url, NAMESPACES.supervisor, handshakeAuth(token))));
}

/** Connects with any `auth` and resolves with the refusal the server gives. */
export async function refusal(url: string, namespace: string, auth: object): Promise<WireError> {
  const socket = open(url, namespace, auth);
  try {
    return await new Promise<WireError>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connection was accepted')));
      socket.once('connect_error', (err: Error & { data?: WireError }) => {
        resolve(err.data ?? { code: 'INTERNAL_ERROR', message: err.message });
      });
    });
  } finally {
    socket.disconnect();
  }
}
