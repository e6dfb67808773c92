import { describe, expect, it } from 'vitest';
import { parseErrorBody } from './error-body';

describe('parseErrorBody', () => {
  it('reads the OpenAI shape', () => {
    const body = JSON.stringify({ error: { message: 'No conversation found', type: 'invalid_request_error', code: 'not_found', param: 'id' } });
    expect(parseErrorBody(404, 'Not Found', body)).toEqual({
      message: 'No conversation found',
      type: 'invalid_request_error',
      code: 'not_found',
      param: 'id',
    });
  });

  it("reads DashScope's native shape", () => {
    const body = JSON.stringify({ code: 'InvalidApiKey', message: 'Invalid API-key provided.', request_id: 'req-1' });
    expect(parseErrorBody(401, 'Unauthorized', body)).toEqual({ message: 'Invalid API-key provided.', type: null, code: 'InvalidApiKey', requestId: 'req-1' });
  });

  it('reads an error given as a plain string', () => {
    expect(parseErrorBody(403, 'Forbidden', '{"error":"Access denied"}')).toEqual({ message: 'Access denied', type: null, code: null });
  });

  it('describes an HTML gateway page by its status line and visible text', () => {
    const html =
      '<html><head><title>502 Bad Gateway</title><script>var secret = "token";</script><style>body { color: red }</style></head>' +
      '<body><h1>502 Bad Gateway</h1>\n<hr><p>nginx</p></body></html>';
    expect(parseErrorBody(502, 'Bad Gateway', html).message).toBe('HTTP 502 Bad Gateway (nginx)');
  });

  it('says each piece of a page once, leaving out what repeats the status line', () => {
    const apache =
      '<!DOCTYPE HTML><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>' +
      '<p>The requested URL was not found on this server.</p><hr><address>Apache Server at example.com Port 443</address></body></html>';
    expect(parseErrorBody(404, 'Not Found', apache).message).toBe(
      'HTTP 404 Not Found: The requested URL was not found on this server. Apache Server at example.com Port 443',
    );
    expect(parseErrorBody(403, 'Forbidden', '<title>Access denied</title><h1>Access denied</h1><p>Sign in first.</p>').message).toBe(
      'HTTP 403 Forbidden: Access denied Sign in first.',
    );
    expect(parseErrorBody(502, 'Bad Gateway', '<h1>Bad Gateway</h1>').message).toBe('HTTP 502 Bad Gateway (a page saying only that)');
    // HTTP/2 has no status text: the page's own stands in for it.
    expect(parseErrorBody(503, '', '<title>503 Service Unavailable</title><h1>503 Service Unavailable</h1><center>nginx</center>').message).toBe(
      'HTTP 503 Service Unavailable (nginx)',
    );
  });

  it('truncates long raw text at 300 characters', () => {
    const { message } = parseErrorBody(500, '', `<p>${'x'.repeat(1000)}</p>`);
    expect(message).toBe(`HTTP 500: ${'x'.repeat(300)}…`);
  });

  it('falls back to the status line for an empty body', () => {
    expect(parseErrorBody(503, 'Service Unavailable', '')).toEqual({ message: 'HTTP 503 Service Unavailable', type: null, code: null });
    expect(parseErrorBody(503, '', '  ').message).toBe('HTTP 503');
  });

  it('shows JSON without a message as raw text', () => {
    expect(parseErrorBody(400, 'Bad Request', '{"error":{"message":""}}').message).toBe('HTTP 400 Bad Request: {"error":{"message":""}}');
  });
});
