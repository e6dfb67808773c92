import { expect, test, type Page } from '@playwright/test';
import { CANARY_KEY, origin, PORTS } from './servers.ts';

test.use({ baseURL: origin(PORTS.faults) });

/** A fresh conversation ID per test: faults that pass after the first try count per URL. */
function faultConversation(fault: string) {
  return `conv_fault_${fault}_${Math.random().toString(36).slice(2, 10)}`;
}

function openFault(page: Page, fault: string) {
  return page.goto(`/c/${faultConversation(fault)}?source=openai`);
}

// Upstream failures that may pass on a second try are retried three times with backoff first (3.5 s).
const FAULTS: [fault: string, title: string, detail: RegExp][] = [
  ['401', 'The API key was rejected', /Incorrect API key provided: \[redacted\]/],
  ['403', 'Access denied', /not allowed to access this conversation/],
  ['404', 'Conversation not found', /not found\..*\(request id req_fault_404\)/],
  ['429', 'Rate limited', /asks to wait 120 seconds/],
  ['500', 'OpenAI had a problem (HTTP 500)', /error while processing your request/],
  ['502', 'OpenAI had a problem (HTTP 502)', /HTTP 502 Bad Gateway/],
  ['503', 'OpenAI had a problem (HTTP 503)', /currently overloaded/],
  ['timeout', 'OpenAI timed out', /did not answer within 1 second\./],
  ['reset', 'OpenAI dropped the connection', /closed the connection before answering/],
  ['html', 'Not a JSON response', /answered with an HTML page instead of JSON/],
  ['truncated', 'Incomplete response', /answer was cut off/],
  ['shape', 'Malformed response', /unexpected shape \(data: /],
  ['large', 'Response too large', /UPSTREAM_MAX_BYTES/],
];

/** Retrying cannot change these answers, so they offer no Retry. */
const FINAL = new Set(['403', '404']);

for (const [fault, title, detail] of FAULTS) {
  test(`upstream fault ${fault}: the page says "${title}"${FINAL.has(fault) ? ', with no Retry' : ' and offers Retry'}`, async ({ page }) => {
    test.setTimeout(40_000);
    await openFault(page, fault);
    const alert = page.getByRole('alert').first();
    await expect(alert).toContainText(title, { timeout: 25_000 });
    await expect(alert).toContainText(detail);
    if (FINAL.has(fault)) await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    else await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible({ timeout: 25_000 });
    await expect(page.getByTestId('conversation-id')).toBeVisible();
  });
}

test('a transcript left open says a later failure in full, though the viewer\'s files have changed since it loaded', async ({ page }) => {
  // The describer of failures comes once the transcript has loaded and the page is idle.
  const describer = page.waitForRequest(/\/assets\/describe-api-error-[^/]*\.js$/, { timeout: 20_000 });
  await page.goto(`/c/${faultConversation('ok')}?source=openai`);
  await expect(page.getByTestId('item-count')).toHaveText('3 items');
  await describer;
  // The viewer is updated: none of this tab's chunks can be fetched any more.
  await page.route('**/assets/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  // The reader goes on to another conversation, one whose key is rejected, in the same tab.
  await page.evaluate((path) => {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/c/${faultConversation('401')}?source=openai`);
  const alert = page.getByRole('alert').first();
  await expect(alert).toContainText('The API key was rejected');
  await expect(alert).toContainText(/Incorrect API key provided: \[redacted\]/);
});

/** Whether every line of the alert stays inside it: none runs past its box, off a phone's screen. */
const alertFits = (page: Page) =>
  page.getByRole('alert').first().evaluate((alert) => [alert, ...alert.querySelectorAll('p')].every((element) => element.scrollWidth <= element.clientWidth));

test('on a phone, a conversation not found says so with its whole ID inside the message', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // As long as OpenAI's IDs are: no space to break the hint at.
  const id = `${faultConversation('404')}689667905b048191b4740501625afd94`;
  await page.goto(`/c/${id}?source=openai`);
  await expect(page.getByRole('alert').first()).toContainText(`OpenAI has no conversation ${id}`);
  expect(await alertFits(page)).toBe(true);
});

test('a rate limit counts its wait down under its hint', async ({ page }) => {
  test.setTimeout(40_000);
  await openFault(page, '429');
  const left = page.getByRole('alert').first().getByTestId('wait-left');
  await expect(left).toHaveText(/^\d+ s left to wait\.$/, { timeout: 25_000 });
  const first = Number((await left.textContent())?.match(/\d+/)?.[0]);
  expect(first).toBeGreaterThan(100);
  await expect.poll(async () => Number((await left.textContent())?.match(/\d+/)?.[0]), { timeout: 5000 }).toBeLessThan(first);
  await expect(page.getByRole('alert').first().getByRole('button', { name: 'Retry' })).toBeEnabled();
});

test('while the client retries on its own, the page already says what failed', async ({ page }) => {
  await openFault(page, '503');
  const alert = page.getByRole('alert').first();
  await expect(alert).toContainText('OpenAI had a problem (HTTP 503)');
  await expect(alert).toContainText('Retrying automatically');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible({ timeout: 25_000 });
  await expect(alert).not.toContainText('Retrying automatically');
});

test('a 429 with Retry-After is retried after the time it names, then the transcript shows', async ({ page }) => {
  const asked: number[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/stream')) asked.push(Date.now());
  });
  await openFault(page, '429once');
  await expect(page.getByTestId('item-count')).toHaveText('3 items');
  expect(asked).toHaveLength(2);
  // Retry-After says 3 s; the client's own backoff alone would ask again after 1 s.
  expect(asked[1] - asked[0]).toBeGreaterThanOrEqual(2500);
});

test('when a later page fails, what loaded stays on screen and Retry loads the rest', async ({ page }) => {
  await openFault(page, 'page2');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/Loading stopped after (100|200|300) items: rate limited/);
  await expect(page.locator('[data-item-id="msg_0000"]')).toBeVisible();
  await expect(page.getByTestId('item-count')).toHaveText(/^(100|200|300) items loaded so far$/);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('item-count')).toHaveText('450 items');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the key of the source never reaches the browser, in any page, asset or answer', async ({ page }) => {
  const texts: Promise<string>[] = [];
  page.on('response', (response) => {
    texts.push(response.text().then((body) => `${JSON.stringify(response.headers())}\n${body}`, () => ''));
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Read a conversation' })).toBeVisible();
  await openFault(page, 'ok');
  await expect(page.getByTestId('item-count')).toHaveText('3 items');
  await openFault(page, '401');
  await expect(page.getByRole('alert').first()).toContainText('[redacted]');
  const all = (await Promise.all(texts)).join('\n');
  expect(all.length).toBeGreaterThan(1000);
  expect(all).not.toContain(CANARY_KEY);
  expect(await page.content()).not.toContain(CANARY_KEY);
});
