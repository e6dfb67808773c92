import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import agentRun from '../demo/conversations/agent-run.json' with { type: 'json' };
import { exportTraceServiceRequest } from '../../shared/export/otlp-shape.ts';
import { startTestViewer } from '../test-server.ts';

let viewer: Awaited<ReturnType<typeof startTestViewer>>;
beforeAll(async () => {
  viewer = await startTestViewer();
});
afterAll(async () => {
  await viewer?.close();
});

const exportUrl = (format: string) => `${viewer.url}/api/sources/demo/conversations/${agentRun.conversation.id}/export?format=${format}`;

describe('the export route', () => {
  it('answers format=otlp with an OTLP/JSON request a collector accepts, one span per turn and per tool call', async () => {
    const response = await fetch(exportUrl('otlp'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${agentRun.conversation.id}.otlp.json"`);
    const request = exportTraceServiceRequest.parse(await response.json());
    const spans = request.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
    expect(spans.filter((span) => span.name === 'chat')).toHaveLength(3);
    expect(spans.filter((span) => span.name.startsWith('execute_tool ')).length).toBeGreaterThan(15);
  });

  it('names every format it knows when asked for another', async () => {
    const response = await fetch(exportUrl('pdf'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("Invalid 'format': expected markdown, html, json, otlp, got 'pdf'.");
  });
});
