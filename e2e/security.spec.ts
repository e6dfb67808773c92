import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { demo } from './demo-data.ts';
import { E2E_PASSWORD, E2E_TOKEN, origin, PORTS } from './servers.ts';

const trip = demo('trip-planning');
const transcript = `/c/${trip.conversation.id}?source=demo`;
const itemsApi = `/api/sources/demo/conversations/${trip.conversation.id}/items?limit=5`;

/** Collects every console error and CSP violation, so a test can say the page ran under its policy. */
function watchPolicy(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

async function expectTranscriptWorks(page: Page) {
  await page.goto(transcript);
  await expect(page.getByTestId('item-count')).toHaveText(`${trip.items.length} items`, { timeout: 30_000 });
  // A click re-renders through React and fetches again: the app is alive, not just painted.
  await page.getByRole('button', { name: 'Newest first' }).click();
  await expect(page.locator('[data-item-id]').first()).toHaveAttribute('data-item-id', trip.items.at(-1)!.id);
}

test.describe('the production build', () => {
  test('every page and API answer carries the security headers', async ({ request }) => {
    for (const path of ['/', transcript, '/api/sources', itemsApi, '/api/nope', '/healthz']) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['content-security-policy'], path).toMatch(/script-src 'self';.*style-src 'self';.*connect-src 'self'.*frame-ancestors 'none'/);
      expect(headers['content-security-policy'], path).not.toMatch(/unsafe-inline|nonce-/);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
    }
  });

  test('the app works under its policy, with no violation', async ({ page }) => {
    const problems = watchPolicy(page);
    await expectTranscriptWorks(page);
    expect(problems).toEqual([]);
  });

  test('every demo conversation renders under the policy without a violation', async ({ page, request }) => {
    test.setTimeout(120_000);
    const { examples: demoExamples } = (await (await request.get('/api/demo-examples')).json()) as { examples: { id: string; itemCount: number }[] };
    expect(demoExamples.length).toBeGreaterThan(3);
    const problems = watchPolicy(page);
    for (const example of demoExamples) {
      await page.goto(`/c/${example.id}?source=demo`);
      await expect(page.getByTestId('item-count')).toHaveText(`${example.itemCount} items`, { timeout: 30_000 });
    }
    expect(problems.filter((problem) => /Content Security Policy|Refused to/i.test(problem))).toEqual([]);
  });
});

test.describe('with VIEWER_PASSWORD set', () => {
  test.use({ baseURL: origin(PORTS.secured) });

  test('no page and no API answer without credentials, except the health check', async () => {
    const anonymous = await playwrightRequest.newContext({ baseURL: origin(PORTS.secured) });
    // The app's static files (here the icon) stay open: public snapshots need them for readers without a password.
    for (const path of ['/', transcript, '/api/sources', itemsApi, '/api/snapshots']) {
      const response = await anonymous.get(path);
      expect(response.status(), path).toBe(401);
      expect(response.headers()['www-authenticate'], path).toMatch(/^Basic /);
      expect(await response.text(), path).not.toContain(trip.conversation.id.slice(5));
    }
    expect((await anonymous.get('/healthz')).status()).toBe(200);
    // A browser opening a page gets a page that says how to sign in; the API keeps its JSON.
    const page = await anonymous.get(transcript, { headers: { accept: 'text/html' } });
    expect(page.status()).toBe(401);
    expect(page.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<h1>This viewer asks for a password</h1>');
    await anonymous.dispose();
  });

  test('a browser without the password gets nothing, a wrong password is refused', async ({ browser }) => {
    // Depending on timing, Chromium shows the 401 answer or gives up on the page with an auth error.
    for (const httpCredentials of [undefined, { username: 'me', password: 'wrong' }]) {
      const context = await browser.newContext({ httpCredentials });
      const page = await context.newPage();
      const outcome = await page.goto(transcript).then(
        (response) => `HTTP ${response?.status()}`,
        (error: Error) => error.message,
      );
      expect(outcome).toMatch(/HTTP 401|ERR_INVALID_AUTH_CREDENTIALS/);
      if (outcome === 'HTTP 401') await expect(page.getByRole('heading', { name: 'This viewer asks for a password' })).toBeVisible();
      await expect(page.locator('[data-item-id]')).toHaveCount(0);
      await context.close();
    }
  });

  test('with the password, pages, share links and the API all work', async ({ browser }) => {
    const context = await browser.newContext({ httpCredentials: { username: 'anyone', password: E2E_PASSWORD } });
    const page = await context.newPage();
    const problems = watchPolicy(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Read a conversation' })).toBeVisible();
    await expectTranscriptWorks(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('scripts get in with the bearer token, and not with a wrong one', async () => {
    for (const [token, status] of [[E2E_TOKEN, 200], [E2E_PASSWORD, 200], ['nope', 401]] as const) {
      const client = await playwrightRequest.newContext({ baseURL: origin(PORTS.secured), extraHTTPHeaders: { authorization: `Bearer ${token}` } });
      expect((await client.get(itemsApi)).status()).toBe(status);
      await client.dispose();
    }
  });
});

test.describe('the Vite dev server', () => {
  test.use({ baseURL: origin(PORTS.dev), httpCredentials: { username: 'dev', password: E2E_PASSWORD } });

  test('applies the password, and the app works under its nonce policy, hot reload included', async ({ page }) => {
    test.setTimeout(60_000);
    // Plain fetch: Playwright's request contexts would inherit this block's credentials.
    for (const path of ['/', '/src/main.tsx', '/api/sources']) expect((await fetch(`${origin(PORTS.dev)}${path}`)).status, path).toBe(401);

    const problems = watchPolicy(page);
    const connected = page.waitForEvent('console', { predicate: (message) => message.text().includes('[vite] connected'), timeout: 30_000 });
    const response = await page.goto(transcript);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+';/);
    expect(policy).not.toContain('unsafe-inline');
    await connected;
    await expectTranscriptWorks(page);
    expect(problems).toEqual([]);
  });

  test('gives no other local site CORS access, and answers its preflight only with sign-in', async () => {
    const basic = `Basic ${Buffer.from(`dev:${E2E_PASSWORD}`).toString('base64')}`;
    const fromOtherSite = { origin: 'http://localhost:3000', authorization: basic };
    const read = await fetch(`${origin(PORTS.dev)}/api/sources`, { headers: fromOtherSite });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${origin(PORTS.dev)}/api/sources`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(401);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
