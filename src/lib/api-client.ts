import { ApiError, errorFromResponse } from './api-error';

/** The one fetch wrapper: GETs JSON from the viewer's own server and turns every failure into an ApiError. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The viewer server could not be reached. Check that it is still running.', {
      status: 0,
      code: 'network_error',
    });
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
