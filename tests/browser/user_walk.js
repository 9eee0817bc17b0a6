// A new user's whole path in Debian's Chromium, at a desktop and a phone width: sign up,
// generate, change the prompt and go again, download, look at the history, make an API
// token and copy it, then delete the account. Saves a screenshot of each page into the
// folder given (docs/screenshots/ when the README's pictures are remade).
// Usage: node user_walk.js <port> <screenshot folder>
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [port, shots] = process.argv.slice(2);
const site = `http://pixelforge.localhost:${port}`;
const PASSWORD = 'violet kettle under moonlight';

function fail(message) {
  console.error(`FAILED: ${message}`);
  process.exit(1);
}

async function walk(browser, width, height, label) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  const shot = (name) => page.screenshot({ path: path.join(shots, `${label}-${name}.png`), fullPage: width > 500 });

  await page.goto(`${site}/register`);
  await page.fill('#email', `walker-${label}@example.com`);
  await page.fill('#password', PASSWORD);
  await page.click('form[action="/register"] button[type=submit]');
  await page.waitForURL('**/account**');

  await page.goto(`${site}/generate`);
  await page.fill('#prompt', 'a lighthouse on a cliff at dusk, watercolour');
  await page.click('form[data-generate-form] button[type=submit]');
  await page.waitForSelector('.job.is-focus img[src^="/images/"]', { timeout: 30000 });
  await shot('1-generate');

  // The form kept the prompt: change one thing and go again.
  const kept = await page.inputValue('#prompt');
  if (!kept.includes('lighthouse')) fail(`${label}: the prompt was not kept (${kept})`);
  await page.fill('#prompt', `${kept}, stormy sea`);
  const first = page.url();
  await page.click('form[data-generate-form] button[type=submit]');
  await page.waitForURL((url) => url.toString() !== first);
  await page.waitForSelector('.job.is-focus img[src^="/images/"]', { timeout: 30000 });
  const second = await page.inputValue('#prompt');
  if (!second.endsWith('stormy sea')) fail(`${label}: the new prompt was not kept (${second})`);
  await shot('2-iterate');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.job.is-focus a[download]'),
  ]);
  if (!download.suggestedFilename().endsWith('.png')) fail(`${label}: downloaded ${download.suggestedFilename()}`);

  await page.goto(`${site}/history`);
  await shot('3-history');

  await page.goto(`${site}/account`);
  await page.fill('#token_name', 'my script');
  await page.fill('#token_password', PASSWORD);
  await page.click('form[action="/account/tokens"] button[type=submit]');
  await page.waitForURL('**/account?token=created**');
  const token = (await page.textContent('[data-new-token]')).trim();
  await page.click('button[data-copy]');
  await page.waitForTimeout(300);
  const copied = await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
  if (copied !== token) fail(`${label}: the copy button copied ${JSON.stringify(copied)}`);
  // The script's words come from the page (macros/copy_script.html), not from the script.
  const said = await page.textContent('[data-copy-status]');
  const button = await page.textContent('button[data-copy]');
  if (said !== 'Copied.' || !button.startsWith('Copied')) fail(`${label}: after copying, ${JSON.stringify([button, said])}`);
  await page.locator('#api-tokens').scrollIntoViewIfNeeded();
  await shot('4-account');

  await page.fill('#delete_password', PASSWORD);
  await page.click('form[action="/account/delete"] button[type=submit]');
  await page.waitForSelector('text=Your account is deleted');
  await shot('5-deleted');

  if (problems.length) fail(`${label}: ${problems.join('; ')}`);
  await context.close();
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await walk(browser, 1280, 900, 'desktop');
    await walk(browser, 390, 844, 'phone');
  } catch (e) {
    fail(String(e));
  } finally {
    await browser.close();
  }
  console.log('walk complete');
})();
