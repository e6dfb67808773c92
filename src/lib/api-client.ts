import { fetchOrTakeEarly } from './early-requests';
import { ApiError, errorFromResponse, serverUnreachable } from './api-error';

/** The one fetch wrapper: GETs JSON from the viewer's own server and turns every failure into an ApiError. */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return sendJson<T>('GET', path, undefined, signal);
}

/** The same for a request that changes something: POST or DELETE, with a JSON body when given one. */
export async function sendJson<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    const init: RequestInit = {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    };
    // A GET the page started early (see early-requests.ts) is taken instead of asked again.
    response = await (method === 'GET' ? fetchOrTakeEarly(path, init) : fetch(path, init));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw serverUnreachable();
  }
  if (!response.ok) throw await errorFromResponse(response);
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError('The viewer server answered with something that is not JSON.', {
      status: response.status,
      code: 'malformed_response',
    });
  }
}
