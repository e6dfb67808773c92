import { expect, test, type Page } from '@playwright/test';

const ID = 'conv_long_text_e2e';
const LETTERS = 'a'.repeat(6_000_000);
/** Too deep for JSON.stringify in the test, so it is spliced into the answer as text. */
const DEEP = `${'['.repeat(10_000)}"deep bottom"${']'.repeat(10_000)}`;

const items = [
  { id: 'msg_before', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'A question before the long text' }] },
  { id: 'msg_long', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: LETTERS, annotations: [] }] },
  { id: 'fc_deep', type: 'function_call', call_id: 'call_deep', name: 'lookup', arguments: '{}', status: 'completed' },
  { id: 'fco_deep', type: 'function_call_output', call_id: 'call_deep', output: '$DEEP' },
  { id: 'msg_after', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'A question after the long text' }] },
];
const listText = (list: unknown) => JSON.stringify(list).replaceAll('"$DEEP"', DEEP);

/** The page's own requests for this conversation get these items, as if an upstream had sent them. */
async function serveItems(page: Page) {
  await page.route(`**/api/sources/demo/conversations/${ID}`, (route) => route.fulfill({ json: { id: ID, object: 'conversation', created_at: 1_760_000_000, metadata: {} } }));
  const line = listText({ type: 'items', end: 'head', items });
  await page.route(`**/api/sources/demo/conversations/${ID}/stream**`, (route) =>
    route.fulfill({ contentType: 'application/x-ndjson', body: `${line}\n${JSON.stringify({ type: 'done' })}\n` }),
  );
}

async function expectAllItems(page: Page) {
  for (const id of ['msg_before', 'msg_long', 'msg_after']) await expect(page.locator(`[data-item-id="${id}"]`).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
}

test('a text of six million letters and an output nested 10,000 deep leave the transcript readable and searchable', async ({ page }) => {
  await serveItems(page);
  await page.goto(`/c/${ID}?source=demo&order=asc`);
  await expectAllItems(page);
  await page.getByLabel('Search the transcript').fill('after the long');
  await expect(page.getByTestId('match-count')).toHaveText(/^(1 match|1 of 1)$/, { timeout: 30_000 });
});

test('the same conversation opened from a file shows every item', async ({ page }) => {
  await page.goto('/');
  const file = listText({ object: 'list', data: items, first_id: 'msg_before', last_id: 'msg_after', has_more: false });
  await page.getByLabel('Conversation file').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page).toHaveURL(/\/file$/);
  await expectAllItems(page);
});
