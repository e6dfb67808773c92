import { chromium } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
const ids = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const scheme of ['light', 'dark']) {
  for (const id of ids) {
    const ctx = await browser.newContext({ colorScheme: scheme }); const page = await ctx.newPage();
    await page.goto(id === 'home' ? 'http://127.0.0.1:7317/' : `http://127.0.0.1:7317/c/${id}?source=demo`);
    await page.waitForTimeout(2000);
    const r = await new AxeBuilder({ page }).analyze();
    const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    console.log(scheme, id, bad.map((v) => `${v.id}(${v.nodes.length})`).join(' '));
    for (const v of bad) for (const n of v.nodes.slice(0, 4)) console.log('   ', v.id, n.target.join(' '), (n.failureSummary || '').split('\n')[1]?.slice(0, 140));
    await ctx.close();
  }
}
await browser.close();
