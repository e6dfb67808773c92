import { chromium } from '@playwright/test';
const file = process.argv[2]; const prefix = process.argv[3];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport, colorScheme: scheme, javaScriptEnabled: false });
    await page.goto('file://' + file);
    await page.mouse.move(200, 200);
    for (const [i, dy] of [0, 1500, 1500].entries()) {
      if (dy) { await page.mouse.wheel(0, dy); await page.waitForTimeout(300); }
      await page.screenshot({ path: `/tmp/wt17-${prefix}-${name}-${scheme}-${i}.png` });
    }
    await page.close();
  }
}
await browser.close();
