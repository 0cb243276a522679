import type { WireError } from '@infocig/shared';

/** A refused or failed REST call: the server's stable code, or NETWORK when nothing answered. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * The supervisor's REST calls: every one carries the signed token (fetched fresh when near its
 * end) and is never cached; the server authorises each.
 */
export interface SupervisorApi {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** The raw response, for downloads (CSV). */
  download(path: string): Promise<Blob>;
}

export function createSupervisorApi(serverUrl: string, token: () => Promise<string>): SupervisorApi {
  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${serverUrl}${path}`, {
        method,
        cache: 'no-store',
        headers: {
          authorization: `Bearer ${await token()}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error), 0);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: WireError } | null;
      const error = body?.error;
      throw new ApiError(
        error?.code ?? `HTTP_${response.status}`,
        error?.message ?? response.statusText,
        response.status,
      );
    }
    return response;
  }
  return {
    get: async (path) => (await call('GET', path)).json(),
    send: async (method, path, body) => (await call(method, path, body)).json(),
    download: async (path) => (await call('GET', path)).blob(),
  };
}

/** A failed call in the reader's language: the catalogue's wording for its code, and the code. */
export function failureText(texts: { errors: Partial<Record<string, string>> }, error: unknown): string {
  const e = error instanceof ApiError ? error : new ApiError('NETWORK', String(error), 0);
  return `${texts.errors[e.code] ?? e.message} (${e.code})`;
}
