import { chromium } from '@playwright/test';
// Usage: url out width scheme [setup-js]
const [,, url, out, width = '1280', scheme = 'light', setup = ''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const phone = Number(width) < 600;
const page = await browser.newPage({ viewport: { width: Number(width), height: phone ? 800 : 900 }, colorScheme: scheme, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone });
await page.goto(url);
await page.waitForSelector('[data-item-id]');
await page.waitForTimeout(1500);
if (setup) { await page.evaluate(setup); await page.waitForTimeout(800); }
// Scroll through once so every row is measured, then show it all at once in a tall viewport.
for (let y = 0; y < 40; y += 1) { await page.mouse.wheel(0, 800); await page.waitForTimeout(60); }
const h = await page.evaluate(() => document.documentElement.scrollHeight);
await page.setViewportSize({ width: Number(width), height: Math.min(h, 16000) });
await page.evaluate(() => window.scrollTo(0, 0));
await page.waitForTimeout(1200);
const h2 = await page.evaluate(() => document.documentElement.scrollHeight);
await page.screenshot({ path: out, fullPage: true });
const W = Number(width), segH = phone ? 1400 : 1300, x0 = phone ? 0 : 150, cw = phone ? W : W - 300;
const cap = Math.min(h2, 16000); for (let i = 0; i * segH < cap && i < 4; i += 1) await page.screenshot({ path: out.replace(".png", `-${i}.png`), clip: { x: x0, y: i * segH, width: cw, height: Math.min(segH, cap - i * segH) }, fullPage: true });
console.log(out, 'height', h2, 'screens', (h2 / (phone ? 800 : 900)).toFixed(2));
await browser.close();
