// A reseller's first minutes in Debian's Chromium, on a custom domain over plain HTTP (where
// browsers send no Sec-Fetch-Site, so forms must still say where they come from): a
// super-admin creates the site with its first admin, who opens the mailed invitation on a
// phone, chooses a password, brands the site and sets a UPI ID and a pack, all without a
// file edited or a restart; then a visitor on the site's own domain sees the brand and buys.
// Usage: node reseller_walk.js <port> <mail folder> <screenshot folder>
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [port, mailDir, shots] = process.argv.slice(2);
const platform = `http://platform.localhost:${port}`;
const site = `http://sunrise.test:${port}`;
const PASSWORD = 'violet kettle under moonlight';

function fail(message) {
  console.error(`FAILED: ${message}`);
  process.exit(1);
}

/// The link to `page` in the mail written to `to` (mail without SMTP is a .eml file, its
/// text part quoted-printable).
function mailedLink(to, page) {
  for (const file of fs.readdirSync(mailDir)) {
    const raw = fs.readFileSync(path.join(mailDir, file), 'latin1');
    if (!raw.includes(`To: ${to}`)) continue;
    const text = raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    const link = text.match(new RegExp(`http://[^\\s"<>]+/${page}\\?token=[0-9a-f]+`));
    if (link) return link[0];
  }
  return null;
}

/// A signed-in page at `viewport` that records script errors.
async function signedIn(browser, viewport, base, email, problems) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  if (email) {
    await page.goto(`${base}/login`);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await submit(page, '/login');
  }
  return page;
}

/// Submits the form posting to `action` and waits for the page it leads to.
async function submit(page, action, button = 'button[type=submit]') {
  await Promise.all([page.waitForNavigation(), page.click(`form[action="${action}"] ${button}`)]);
}

/// Waits for the mail to `to` with a link to `page` (the outbox writes it within moments).
async function waitForLink(to, page) {
  for (let i = 0; i < 50; i += 1) {
    const link = mailedLink(to, page);
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  return fail(`no mail to ${to} with a link to /${page}`);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // The site's own domain, as DNS would send it here.
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP sunrise.test 127.0.0.1'],
  });
  const problems = [];
  const started = Date.now();

  const root = await signedIn(browser, { width: 1280, height: 900 }, platform, 'root@example.com', problems);
  await root.goto(`${platform}/platform/tenants/new`);
  await root.fill('[name=slug]', 'sunrise');
  await root.fill('[name=name]', 'Sunrise Studio');
  await root.fill('[name=domains]', 'sunrise.test');
  await root.fill('[name=admin_email]', 'owner@sunrise.test');
  await submit(root, '/platform/tenants');

  const link = await waitForLink('owner@sunrise.test', 'welcome');
  // The invitation names the address the site answers on at once, not its own domain (whose
  // DNS may not point here yet): the owner works there.
  const firstOrigin = new URL(link).origin;
  if (!firstOrigin.startsWith('http://sunrise.localhost:')) fail(`the invitation links to ${firstOrigin}`);

  const owner = await signedIn(browser, { width: 390, height: 844 }, firstOrigin, null, problems);
  await owner.goto(link);
  await owner.fill('#password', PASSWORD);
  await submit(owner, '/welcome');
  if (!owner.url().includes('/login')) fail(`choosing a password led to ${owner.url()}`);
  await owner.fill('#email', 'owner@sunrise.test');
  await owner.fill('#password', PASSWORD);
  await submit(owner, '/login');
  if (!owner.url().endsWith('/admin')) fail(`signing in led to ${owner.url()}, not the console`);

  await owner.goto(`${firstOrigin}/admin/branding`);
  await owner.fill('#field-tagline', 'Sunlit pictures from a sentence');
  await owner.fill('#field-color_primary', '#c2410c');
  await owner.fill('#field-credit_name', 'Ray');
  await owner.fill('#field-credit_name_plural', 'Rays');
  await submit(owner, '/admin/branding', 'button[value=save]');
  if (!owner.url().includes('done=saved')) fail(`branding was not saved: ${owner.url()}`);
  await owner.goto(`${firstOrigin}/admin/packs`);
  await owner.fill('#upi-vpa', 'sunrise@okaxis');
  await owner.fill('#upi-payee', 'Sunrise Studio');
  await submit(owner, '/admin/packs/payee');
  await owner.fill('#add-credits', '50');
  await owner.fill('#add-price', '199');
  await submit(owner, '/admin/packs');
  await owner.screenshot({ path: path.join(shots, 'reseller-packs.png'), fullPage: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const visitor = await signedIn(browser, { width: 390, height: 844 }, site, null, problems);
  await visitor.goto(`${site}/register`);
  await visitor.fill('#email', 'asha@example.com');
  await visitor.fill('#password', PASSWORD);
  await submit(visitor, '/register');
  await visitor.goto(`${site}/buy`);
  const buy = await visitor.content();
  for (const words of ['Sunrise Studio', 'Sunlit pictures from a sentence', '₹199.00', 'Buy 50 Rays']) {
    if (!buy.includes(words)) fail(`the visitor's /buy lacks ${words}`);
  }
  await visitor.screenshot({ path: path.join(shots, 'reseller-buy.png'), fullPage: true });

  // On the site's own plain-HTTP domain a browser sends no Sec-Fetch-Site: the reset page's
  // form must still say where it comes from, or nobody could choose a new password there.
  const forgetful = await signedIn(browser, { width: 390, height: 844 }, site, null, problems);
  await forgetful.goto(`${site}/forgot-password`);
  await forgetful.fill('#email', 'asha@example.com');
  await submit(forgetful, '/forgot-password');
  await forgetful.goto(await waitForLink('asha@example.com', 'reset-password'));
  await forgetful.fill('#password', 'saffron harbour at noon');
  await submit(forgetful, '/reset-password');
  if (!forgetful.url().includes('/login')) fail(`choosing a new password led to ${forgetful.url()}`);
  await browser.close();
  if (problems.length) fail(`script errors: ${problems.join('; ')}`);
  console.log(`site live, branded and selling ${seconds} s after the super-admin signed in`);
})().catch((e) => fail(e.message));
