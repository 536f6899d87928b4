// The family web in real Chromium (Debian's, driven by playwright-core), with JavaScript off, as
// a family member on a cheap phone meets it: a real `fgc serve` is set up with fgcctl (a referral,
// its consent, a network, by-hand invitations, proposed times), then the link is opened, answered,
// availability given and a consent withdrawn; in English and in Arabic (right to left). Every page
// in every language is checked by axe (WCAG 2.2 A and AA rules: no violations); screenshots at
// 360 x 740 go to tests/artifacts/family-web; headers and cookies are asserted; a rotated link
// opens nothing. Run by ctest (tests/CMakeLists.txt) with FGC_BIN_DIR set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '..', '..');
const bin = process.env.FGC_BIN_DIR ?? join(source, 'build', 'bin');
const artifacts = join(source, 'tests', 'artifacts', 'family-web');
const tenant = 'web';
const languages = ['en', 'cy', 'pl', 'ar'];

let host;        // the fgc serve child process
let state;       // its state directory
let grpc;        // its gRPC address
let web;         // its family web address, http://127.0.0.1:port
let browser;
let auditor;  // a script-enabled context for axe
const people = {};  // member id -> { name, token }
let conference;
let consentEntry;

function fgcctl(token, args, extraEnv = {}) {
  return execFileSync(join(bin, 'fgcctl'), args, {
    env: { ...process.env, FGC_ADDR: grpc, FGC_TOKEN: token, ...extraEnv },
    encoding: 'utf8',
  });
}

function devToken(role, agency, sub) {
  return fgcctl('', ['dev', 'token', '--role', role, '--agency', agency, '--sub', sub,
                     '--tenant', tenant, '--state-dir', state]).trim();
}

// A free loopback port: the family web's address is also the host of the links it hands out, so
// it must be known before the host starts.
function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startHost() {
  const port = await freePort();
  return new Promise((resolve, reject) => {
    const child = spawn(join(bin, 'fgc'), ['serve', '--state-dir', state, '--listen', '127.0.0.1:0',
      '--metrics-listen', '127.0.0.1:0', '--web-listen', `127.0.0.1:${port}`],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => reject(new Error('fgc serve did not start')), 60000);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        try {
          const j = JSON.parse(line);
          if (j.msg === 'serving' && j.grpc) {
            clearTimeout(timer);
            resolve({ child, grpc: j.grpc, web: `http://${j.family_web}` });
          }
        } catch { /* not a log line */ }
      });
    }
    child.on('exit', (code) => reject(new Error(`fgc serve exited ${code}`)));
  });
}

// A referral with consent, a coordinator, a venue, a network of three, by-hand links, and three
// proposed times.
function setUpConference() {
  const referrer = devToken('referrer', 'northshire-cs', 'ref-alex');
  const coordinator = devToken('coordinator', 'fgc-service', 'coord-chris');
  const created = JSON.parse(fgcctl(referrer, ['conference', 'create', '--tenant', tenant, '--from',
    join(source, 'docs', 'examples', 'referral.json'), '--id', 'jones', '--json']));
  conference = created.conference.name;
  const child = created.conference.children[0].name;
  const consent = JSON.parse(readFileSync(join(source, 'docs', 'examples', 'consent.json'), 'utf8'));
  consent.conference = conference;
  consent.subject = child;
  consent.consent.grantor.member = `${conference}/members/mother`;
  consent.consent.grantor.display_name = 'Kim Jones';
  const consentFile = join(state, '..', 'consent.json');
  writeFileSync(consentFile, JSON.stringify(consent));
  consentEntry = JSON.parse(fgcctl(referrer, ['ledger', 'record-consent', '--tenant', tenant,
    '--file', consentFile, '--json'])).entry.name;
  fgcctl(coordinator, ['conference', 'transition', conference, '--to', 'preparation',
    '--coordinator', 'coord-chris', '--coordinator-name', 'Chris Lee',
    '--coordinator-agency', 'fgc-service']);
  fgcctl(coordinator, ['venue', 'create', '--tenant', tenant, '--id', 'riverside', '--name',
    'Riverside Family Centre', '--address-line', '1 River Street', '--locality', 'Northtown',
    '--region', 'GB', '--time-zone', 'Europe/London', '--capacity', '20', '--neutral']);
  const network = {
    mother: ['--name', 'Kim Jones', '--relationship', 'Mum', '--role', 'parental-responsibility',
             '--language', 'en'],
    aunt: ['--name', 'Layla Haddad', '--relationship', "Mum's sister", '--language', 'ar',
           '--time-zone', 'Asia/Amman'],
    nan: ['--name', 'Mair <Nain> "Jones"', '--relationship', 'Nan', '--language', 'cy'],
  };
  for (const [id, flags] of Object.entries(network)) {
    fgcctl(coordinator, ['network', 'add', conference, '--id', id, ...flags]);
    const sent = JSON.parse(fgcctl(coordinator, ['invitation', 'send', `${conference}/members/${id}`,
      '--channel', 'by-hand', '--json']));
    people[id] = { token: sent.invitationUrl.split('/i/')[1], invitation: sent.invitation.name };
  }
  const day = (n, h) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(),
    new Date().getUTCDate() + n, h)).toISOString().replace('.000', '');
  fgcctl(coordinator, ['slots', 'propose', conference, '--venue', 'riverside', '--remote',
    '--at', `${day(20, 10)}/4h`, '--at', `${day(21, 10)}/4h`, '--deadline', day(15, 17)]);
  return { referrer, coordinator };
}

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fgc-web-'));
  state = join(dir, 'state');
  mkdirSync(artifacts, { recursive: true });
  ({ child: host, grpc, web } = await startHost());
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  auditor = await browser.newContext({ viewport: { width: 360, height: 740 } });
});

after(async () => {
  await browser?.close();
  host?.kill('SIGTERM');
});

async function newPhone(language) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
    locale: language,
    extraHTTPHeaders: { 'Accept-Language': language },
  });
  return { context, page: await context.newPage() };
}

// axe runs as a script in the page, which the family's own browser (JavaScript off) cannot
// do: the page exactly as the family got it is handed to a second, script-enabled browser at the
// same origin (so its stylesheet loads and colours are judged as shown) and audited there.
async function checkAccessible(page, label) {
  await page.waitForLoadState('load');  // a form's click may still be on its way to the answer
  const html = await page.content();
  const audit = await auditor.newPage();
  await audit.route(`${web}/__audit__`, (route) => route.fulfill({
    status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await audit.goto(`${web}/__audit__`);
  const results = await new AxeBuilder({ page: audit })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  await audit.close();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
  assert.deepEqual(found, [], `axe on ${label}`);
}

// Submits a form and waits for the page that answers it.
async function submit(page, button) {
  await Promise.all([page.waitForEvent('framenavigated'), page.locator(button).first().click()]);
  await page.waitForLoadState('load');
}

async function shoot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

let staff;

test('the family journey in English, with JavaScript off', async () => {
  staff = setUpConference();
  const { context, page } = await newPhone('en-GB');
  const opened = await page.goto(`${web}/i/${people.mother.token}`);
  // The token is exchanged for a cookie and the browser moved on to a URL without it.
  assert.equal(new URL(page.url()).pathname, '/invitation');
  assert.ok(!page.url().includes(people.mother.token));
  const first = opened.request().redirectedFrom();
  assert.ok(first, 'the link redirects');
  const exchange = await first.response();
  assert.equal(exchange.status(), 303);
  const setCookie = (await exchange.allHeaders())['set-cookie'];
  assert.match(setCookie, /fgc_session=/);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  assert.doesNotMatch(setCookie, new RegExp(people.mother.token));
  const headers = await opened.allHeaders();
  assert.match(headers['content-security-policy'], /default-src 'none'/);
  assert.match(headers['content-security-policy'], /style-src 'self'/);
  assert.doesNotMatch(headers['content-security-policy'], /unsafe-inline/);
  assert.equal(headers['referrer-policy'], 'no-referrer');
  assert.equal(headers['x-content-type-options'], 'nosniff');
  await expectText(page, 'Chris Lee');
  await checkAccessible(page, 'invitation en');
  await shoot(page, 'en-invitation');

  // Answer: first without choosing, which shows the error summary; then remotely, with an
  // interpreter.
  await page.goto(`${web}/respond`);
  await checkAccessible(page, 'respond en');
  await shoot(page, 'en-respond');
  await submit(page, 'form[action="/respond"] button[type="submit"]');
  assert.equal(await page.locator('.govuk-error-summary, [role="alert"]').count() > 0, true,
               'an error summary');
  await checkAccessible(page, 'respond with errors en');
  await shoot(page, 'en-respond-errors');
  await page.locator('input[name="answer"][value="remote"]').check();
  await page.locator('input[name="need-interpreter"]').check();
  await page.locator('select[name="interpreter-language"]').selectOption('pl');
  await submit(page, 'form[action="/respond"] button[type="submit"]');
  await expectText(page, 'saved');
  await checkAccessible(page, 'done en');
  const invitation = JSON.parse(fgcctl(staff.coordinator, ['invitation', 'get',
    people.mother.invitation, '--json']));
  assert.equal(invitation.invitation.rsvp.answer, 'RSVP_ANSWER_REMOTE');

  // Availability for the proposed times.
  await page.goto(`${web}/availability`);
  await checkAccessible(page, 'availability en');
  await shoot(page, 'en-availability');
  const radios = page.locator('input[type="radio"][value="yes"]');
  assert.equal(await radios.count(), 2);
  await radios.first().check();
  await submit(page, 'form[action="/availability"] button[type="submit"]');
  const slots = JSON.parse(fgcctl(staff.coordinator, ['slots', 'list', conference, '--json']));
  const answers = slots.slots.flatMap((s) => s.availability ?? []);
  assert.ok(answers.some((a) => a.answer === 'AVAILABILITY_ANSWER_YES'), JSON.stringify(slots));

  // Her record, and withdrawing the consent she gave, in as few steps as giving it.
  await page.goto(`${web}/record`);
  await checkAccessible(page, 'record en');
  await shoot(page, 'en-record');
  await submit(page, 'form[action="/withdraw"] button[type="submit"]');
  await checkAccessible(page, 'withdraw en');
  await shoot(page, 'en-withdraw');
  await submit(page, 'form[action="/withdraw"] button[type="submit"]');
  await checkAccessible(page, 'withdrawn en');
  const record = JSON.parse(fgcctl(staff.referrer, ['ledger', 'list', '--tenant', tenant,
    '--filter', `kind = LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN`, '--json']));
  assert.ok(JSON.stringify(record).includes(consentEntry), 'the withdrawal is in the ledger');

  // Forms without the session's CSRF token are refused.
  const forged = await context.request.post(`${web}/respond`, {
    form: { answer: 'not-able' }, maxRedirects: 0 });
  assert.equal(forged.status(), 403);
  await context.close();
});

async function expectText(page, text) {
  const body = await page.locator('body').innerText();
  assert.ok(body.includes(text), `"${text}" in\n${body}`);
}

test('in Arabic the pages read right to left and names are isolated', async () => {
  const { context, page } = await newPhone('ar');
  await page.goto(`${web}/i/${people.aunt.token}`);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  await checkAccessible(page, 'invitation ar');
  await shoot(page, 'ar-invitation');
  for (const path of ['/respond', '/availability', '/record']) {
    await page.goto(`${web}${path}`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await checkAccessible(page, `${path} ar`);
    await shoot(page, `ar${path.replace('/', '-')}`);
  }
  await context.close();
});

test('every page in every language passes axe, and names are escaped', async () => {
  const { context, page } = await newPhone('cy');
  await page.goto(`${web}/i/${people.nan.token}`);
  const html = await page.content();
  assert.ok(!html.includes('<Nain>'), 'a name with markup is escaped');
  for (const language of languages) {
    for (const path of ['/invitation', '/respond', '/availability', '/record']) {
      await page.goto(`${web}${path}?lang=${language}`);
      assert.equal(await page.locator('html').getAttribute('lang'), language);
      await checkAccessible(page, `${path} ${language}`);
      if (path === '/invitation') await shoot(page, `${language}-nan-invitation`);
    }
  }
  await context.close();
});

test('a rotated or unknown link opens nothing and says whom to ask', async () => {
  fgcctl(staff.coordinator, ['invitation', 'resend', people.nan.invitation]);
  const { context, page } = await newPhone('en');
  const old = await page.goto(`${web}/i/${people.nan.token}`);
  assert.equal(old.status(), 403);
  assert.equal(new URL(page.url()).pathname, `/i/${people.nan.token}`);
  await checkAccessible(page, 'link problem');
  await shoot(page, 'en-link-problem');
  const rotatedText = await page.locator('body').innerText();
  const made = await page.goto(`${web}/i/${'x'.repeat(43)}`);
  assert.equal(made.status(), 403);
  assert.equal(await page.locator('body').innerText(), rotatedText,
               'the same kind page whether the link never existed or was replaced');
  const noSession = await page.goto(`${web}/invitation`);
  assert.equal(noSession.status(), 403);
  await context.close();
});

test('malformed and oversized requests get 4xx pages and the server keeps serving', async () => {
  const { context } = await newPhone('en');
  const huge = await context.request.post(`${web}/respond`, {
    data: 'a='.padEnd(64 * 1024, 'x'), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.ok(huge.status() >= 400 && huge.status() < 500, `huge body: ${huge.status()}`);
  const missing = await context.request.get(`${web}/no-such-page`);
  assert.equal(missing.status(), 404);
  const still = await context.request.get(`${web}/static/family.css`);
  assert.equal(still.status(), 200);
  await context.close();
});
