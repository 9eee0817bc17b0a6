'use strict';
const { chromium } = require('playwright-core');
const site = `http://pixelforge.localhost:8092`;
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const problems = [];
  for (const width of [1280, 390]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    const email = `walk${width}@example.com`;
    await page.goto(`${site}/register`);
    await page.fill('#email', email);
    await page.fill('#password', 'violet kettle under moonlight');
    await page.click('form[action="/register"] button[type=submit]');
    await page.waitForURL('**/account**');
    // a token with a wrong password, then the right one
    const pw = page.locator('form[action="/account/tokens"] input[type=password]');
    await page.fill('form[action="/account/tokens"] input[name=name]', 'laptop');
    await pw.fill('not my password');
    await page.click('form[action="/account/tokens"] button[type=submit]');
    await page.screenshot({ path: `/tmp/shots/token-wrong-${width}.png`, fullPage: true });
    await page.fill('form[action="/account/tokens"] input[name=name]', 'laptop');
    await page.locator('form[action="/account/tokens"] input[type=password]').fill('violet kettle under moonlight');
    await page.click('form[action="/account/tokens"] button[type=submit]');
    await page.screenshot({ path: `/tmp/shots/token-made-${width}.png`, fullPage: true });
    const made = await page.locator('[data-new-token]').count();
    console.log(width, 'token shown:', made);
    // sign out, sign in again
    await page.click('form[action="/logout"] button');
    await page.goto(`${site}/login`);
    await page.fill('#email', email);
    await page.fill('#password', 'violet kettle under moonlight');
    await page.click('form[action="/login"] button[type=submit]');
    await page.waitForLoadState();
    console.log(width, 'after sign-in at', page.url());
    const cookies = await ctx.cookies();
    console.log(width, 'cookies:', cookies.map(c => c.name).join(','));
  }
  console.log('problems:', problems);
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
