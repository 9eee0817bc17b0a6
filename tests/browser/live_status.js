// A person signs up, asks for an image and watches it appear without reloading the page,
// in Debian's Chromium (never a downloaded browser). Usage: node live_status.js <port>
'use strict';
const { chromium } = require('playwright-core');

const port = process.argv[2];
const site = `http://pixelforge.localhost:${port}`;

function fail(message) {
  console.error(`FAILED: ${message}`);
  process.exit(1);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });

    await page.goto(`${site}/register`);
    await page.fill('#email', 'browser@example.com');
    await page.fill('#password', 'violet kettle under moonlight');
    await page.click('form[action="/register"] button[type=submit]');
    await page.waitForURL('**/account**');

    await page.goto(`${site}/generate`);
    await page.fill('#prompt', 'a paper lighthouse on a cliff at dusk');
    await page.click('form[action="/generate"] button[type=submit]');
    await page.waitForURL('**/generate?job=**');
    const url = page.url();
    const started = Date.now();
    // No reload from here on: the page must update itself.
    let reloaded = false;
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame() && frame.url() !== url) reloaded = true; });
    await page.waitForSelector('[data-status="succeeded"] img', { timeout: 30000 });
    const download = await page.getAttribute('a[download]', 'href');
    if (!download || !download.includes('?download=1')) fail(`no Download image link (${download})`);
    if (reloaded) fail('the page navigated away');
    // Fetched by the page itself, with its session, as a click would.
    const [status, type] = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return [response.status, response.headers.get('content-type')];
    }, download);
    if (status !== 200 || type !== 'image/png') fail(`the download answered ${status} ${type}`);
    if (problems.length) fail(`errors in the page: ${problems.join(' | ')}`);
    console.log(`image appeared without a reload after ${Date.now() - started} ms`);

    // In Hindi, what the script writes as the job moves is in Hindi too: the words come
    // from the page and the job's JSON, never from the script.
    await page.click('button[name="language"][value="hi"]');
    await page.waitForSelector('html[lang="hi"]');
    await page.goto(`${site}/generate`);
    await page.fill('#prompt', 'शाम को एक कागज़ की नाव');
    await page.click('form[action="/generate"] button[type=submit]');
    await page.waitForURL('**/generate?job=**');
    const initial = await page.getAttribute('.job-grid [data-job-id]', 'data-status');
    await page.waitForSelector('.job-grid [data-status="succeeded"] a[download]', { timeout: 30000 });
    if (initial !== 'succeeded') {
      await page.waitForFunction(() => document.querySelector('[data-live-announcer]').textContent !== '', null, { timeout: 5000 });
    }
    const texts = await page.evaluate(() => {
      const job = document.querySelector('.job-grid [data-job-id]');
      return {
        status: job.querySelector('.job-status').textContent,
        download: job.querySelector('a[download]').textContent,
        said: document.querySelector('[data-live-announcer]').textContent,
      };
    });
    if (texts.status !== 'तैयार' || texts.download !== 'तस्वीर डाउनलोड करें') fail(`in Hindi the card says ${JSON.stringify(texts)}`);
    // Announced only when the page saw the job end, not when it loaded already done.
    if (initial !== 'succeeded' && !texts.said.startsWith('आपकी तस्वीर तैयार है')) fail(`in Hindi the page announced ${JSON.stringify(texts.said)}`);
    if (problems.length) fail(`errors in the page: ${problems.join(' | ')}`);
    console.log(`in Hindi: ${texts.status} · ${texts.download}`);
  } finally {
    await browser.close();
  }
})().catch((e) => fail(e.stack || String(e)));
