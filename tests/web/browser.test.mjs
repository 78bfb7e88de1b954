// Browser tests of the web page (issue 6), run by ctest: headless Chromium against the real
// `eucomply serve`. Each test asserts what the page shows. Screenshots of the main pages in
// both languages go to build/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openBrowser, screenshot, screenshotOf, Server } from './harness.mjs';

const server = new Server();
const browsers = {};

before(async () => {
  await server.start();
  browsers.en = await openBrowser('en-GB', server.base);
  browsers.zh = await openBrowser('zh-CN', server.base);
});

after(async () => {
  for (const b of Object.values(browsers)) await b.close().catch(() => {});
  await server.stop();
});

// The words of the page in each language (from web/src/i18n.ts), as the tests look for them.
const W = {
  en: {
    lang: 'en',
    intakeTitle: 'Assess a product',
    describe: 'Product description',
    start: 'Start the assessment',
    soldOnline: 'Sold online to EU consumers',
    mfrEu: 'Manufacturer established in the EU',
    yes: 'Yes',
    no: 'No',
    why: 'Why we ask',
    skip: 'I don’t know',
    answer: 'Answer',
    resultTitle: 'Assessment result',
    applies: 'Acts that apply',
    obligations: 'What you must do: checklist by act',
    standards: 'Harmonised standards',
    notApplicable: 'Acts that do not apply, and why',
    done: 'No more questions',
    statusApplies: 'Applies',
    alertsTitle: 'Explore Safety Gate alerts',
    search: 'Search alerts',
    searchButton: 'Search',
    category: 'Category',
    risk: 'Risk',
    found: /alerts? found/,
    measures: 'Measures taken',
    references: 'References',
    perYear: 'Alerts per year',
    lessons: 'Lessons from Safety Gate',
  },
  zh: {
    lang: 'zh-CN',
    intakeTitle: '产品评估',
    describe: '产品描述',
    start: '开始评估',
    soldOnline: '在线上向欧盟消费者销售',
    mfrEu: '制造商设在欧盟',
    yes: '是',
    no: '否',
    why: '提问原因',
    skip: '我不知道',
    answer: '回答',
    resultTitle: '评估结果',
    applies: '适用的法规',
    obligations: '您须履行的义务：按法规分组的清单',
    standards: '协调标准',
    notApplicable: '不适用的法规及原因',
    done: '没有更多问题',
    statusApplies: '适用',
    alertsTitle: '浏览 Safety Gate 预警',
    search: '搜索预警',
    searchButton: '搜索',
    category: '类别',
    risk: '风险',
    found: /找到 [\d,]+ 条预警/,
    measures: '采取的措施',
    references: '引用',
    perYear: '每年预警数量',
    lessons: 'Safety Gate 经验教训',
  },
};

// Three products, each described in both languages, with the answers a seller would give
// (by attribute id). Other yes/no questions are answered "No", multiple-choice ones with
// nothing ticked, and anything else "I don't know". Then what the result must show.
const PRODUCTS = [
  {
    id: 'charger',
    text: {
      en: 'USB-C wall charger for mobile phones, input 100-240 V AC, output 5 V 3 A, 15 W',
      zh: 'USB-C 手机充电器，输入 100-240V 交流电，输出 5V 3A，15W',
    },
    answers: { product_form: 'article', has_packaging: true },
    category: { en: /charger/i, zh: /充电器/ },
    // Short names that must be in "Acts that apply", and an act name per language.
    applies: ['LVD', 'EMC', 'RoHS', 'GPSR', 'WEEE'],
    notApplies: ['TSD', 'RED'],
    title: { en: 'Low Voltage Directive', zh: '低电压指令' },
    standard: /EN 50419|EN 55014|EN 62368/,
  },
  {
    id: 'plush',
    text: {
      en: 'Plush teddy bear toy with a sound module powered by button cells, for children from 12 months',
      zh: '毛绒玩具熊，内置发声模块，纽扣电池供电，适合 12 个月以上儿童',
    },
    // Numbers typed in the number field (with the unit the question gives).
    answers: { product_form: 'article', voltage_ac: '0', voltage_dc: '4.5' },
    category: { en: /plush/i, zh: /毛绒玩具/ },
    applies: ['TSD', 'GPSR', 'EMC'],
    upcoming: ['TSR'],
    notApplies: ['LVD', 'RED'],
    title: { en: 'Toy Safety Directive', zh: '玩具安全指令' },
    standard: /EN 71-1/,
  },
  {
    id: 'speaker',
    text: {
      en: 'Portable Bluetooth speaker with rechargeable lithium battery, charged by USB-C 5 V',
      zh: '便携式蓝牙音箱，内置可充电锂电池，USB-C 5V 充电',
    },
    answers: { product_form: 'article', charger_device_type: 'portable_speaker', textile_fibre_share: '0' },
    category: { en: /speaker/i, zh: /音箱/ },
    applies: ['RED', 'GPSR', 'BATT', 'RED_CHARGER'],
    notApplies: ['LVD', 'TSD'],
    title: { en: 'Radio Equipment Directive', zh: '无线电设备指令' },
    standard: /EN 300 328|EN 301 489|EN 62368/,
  },
];

// The address of a result page, computed as the intake page writes it: the product document
// (the description, the two yes/no facts of the intake form and the given answers) as
// base64url JSON. Each test that opens a result makes its own address, so no test depends on
// another having run.
function resultUrl(product, lang, answers = product.answers) {
  const attributes = { sold_online: true, manufacturer_in_eu: false };
  for (const [k, v] of Object.entries(answers)) if (typeof v === 'boolean' || !/^[\d.]+$/.test(v)) attributes[k] = v;
  const doc = { text: product.text[lang], attributes };
  return `${server.base}/#/assess?p=${Buffer.from(JSON.stringify(doc)).toString('base64url')}`;
}

// Waits until the assessment page shows the answer for the product in the address: the page
// has rendered the current address (data-p) and is no longer loading it (aria-busy). Waiting
// for aria-busy alone raced with the render that follows a change of address (issue 10).
async function settled(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('.assess');
    const p = new URLSearchParams(location.hash.split('?')[1] ?? '').get('p') ?? '';
    return el !== null && el.getAttribute('aria-busy') === 'false' && el.getAttribute('data-p') === p;
  });
}

// A real page load (not only a hash change on the page already open), with the language
// choice of earlier tests forgotten, so each test starts from the browser's language.
async function open(page, url) {
  await page.goto('about:blank');
  await page.goto(url.replace(/#.*/, ''));
  await page.evaluate(() => localStorage.removeItem('eucomply.lang'));
  await page.goto(url);
  await page.reload();
  await page.locator('main h1').first().waitFor();
  if (url.includes('#/assess')) await settled(page);
}

async function appliesShortNames(page) {
  return page.locator('#sec-applies .act .short').allInnerTexts();
}

// Answers questions until the page says there are none left. Returns the questions seen.
async function answerAll(page, w, answers, shotPrefix) {
  const seen = [];
  for (let i = 0; i < 30; i++) {
    // Wait for the answer to the last step: the page is busy while it loads.
    await settled(page);
    await page.locator('.question, .notice-done').first().waitFor();
    if (await page.locator('.notice-done').count()) break;
    const card = page.locator('.question');
    const heading = (await card.locator('h2').innerText()).trim();
    // Every question says why it is asked, in the page's language.
    assert.equal((await card.locator('.why h3').innerText()).trim(), w.why);
    const why = (await card.locator('.why p').first().innerText()).trim();
    assert.ok(heading.length > 2, 'the question has a text');
    assert.ok(why.length > 5, `"${heading}" has a why-we-ask text`);
    const url = page.url();
    const id = (await card.getAttribute('aria-labelledby')).replace(/^q-/, '').replace(/-h$/, '');
    const type = await card.getAttribute('data-type');
    seen.push({ id, type, heading, why });
    if (i === 0 && shotPrefix) await screenshot(page, `${shotPrefix}-question`);
    const answer = answers[id];
    if (type === 'bool' && answer !== undefined && typeof answer !== 'boolean') throw new Error(`bad answer for ${id}`);
    if (type === 'bool') {
      await card.getByRole('button', { name: answer === true ? w.yes : w.no, exact: true }).click();
    } else if (type === 'set' && answer === undefined) {
      await card.getByRole('button', { name: w.answer, exact: true }).click();
    } else if (type === 'number' && answer !== undefined) {
      await card.locator('input[type=text]').fill(answer);
      await card.getByRole('button', { name: w.answer, exact: true }).click();
    } else if ((type === 'enum' || type === 'set') && answer !== undefined) {
      const select = card.locator('select');
      if (await select.count()) await select.selectOption(answer);
      else for (const v of [answer].flat()) await card.locator(`input[value="${v}"]`).check();
      await card.getByRole('button', { name: w.answer, exact: true }).click();
    } else {
      await card.getByRole('button', { name: w.skip, exact: true }).click();
    }
    await page.waitForURL((u) => u.toString() !== url);
  }
  await settled(page);
  await page.locator('.assess[aria-busy="false"] .notice-done').waitFor();
  return seen;
}

for (const lang of ['en', 'zh']) {
  describe(`assessment flow in ${lang}`, () => {
    for (const p of PRODUCTS) {
      test(`${p.id}: describe, answer every question, read the result (${lang})`, async () => {
        const w = W[lang];
        const { page } = browsers[lang];
        await open(page, `${server.base}/`);
        // The language follows the browser's Accept-Language.
        assert.equal(await page.locator('html').getAttribute('lang'), w.lang);
        await assert.doesNotReject(page.getByRole('heading', { level: 1, name: w.intakeTitle, exact: true }).waitFor());
        if (p.id === 'charger') await screenshot(page, `intake-${lang}`);

        await page.getByLabel(w.describe).fill(p.text[lang]);
        await page.getByRole('group', { name: w.soldOnline }).getByLabel(w.yes, { exact: true }).check();
        await page.getByRole('group', { name: w.mfrEu }).getByLabel(w.no, { exact: true }).check();
        await page.getByRole('button', { name: w.start }).click();
        await page.waitForURL(/#\/assess\?p=/);
        await page.getByRole('heading', { level: 1, name: new RegExp(w.resultTitle) }).waitFor();

        const seen = await answerAll(page, w, p.answers, p.id === 'charger' ? `assess-${lang}` : null);
        // No question is asked twice, and the flow asked several kinds of question.
        assert.equal(new Set(seen.map((q) => q.id)).size, seen.length, `each question once: ${seen.map((q) => q.id)}`);
        assert.ok(seen.length >= 3, `several questions (${seen.map((q) => q.id)})`);
        for (const id of Object.keys(p.answers)) {
          if (seen.some((q) => q.id === id)) {
            // An answer given is shown among the facts as the user's answer.
            assert.ok(await page.locator(`.facts-table tr[data-attr="${id}"]`).count(), `${id} is listed among the facts`);
          }
        }
        assert.match(await page.getByTestId('product-category').innerText(), p.category[lang]);

        const applies = await appliesShortNames(page);
        for (const s of p.applies) assert.ok(applies.includes(s), `${s} applies to the ${p.id} (got ${applies.join(', ')})`);
        const na = await page.locator('#sec-not_applicable .na .short').allInnerTexts();
        for (const s of p.notApplies) assert.ok(na.includes(s), `${s} does not apply to the ${p.id}`);
        if (p.upcoming) {
          const timeline = await page.locator('#sec-upcoming .timeline').innerText();
          for (const s of p.upcoming) assert.ok(timeline.includes(s), `${s} is on the timeline`);
        }
        const appliesText = await page.locator('#sec-applies').innerText();
        assert.match(appliesText, new RegExp(p.title[lang]), 'act names in the page language');
        // Every act card in "applies" has the "Applies" badge.
        const badges = await page.locator('#sec-applies .act .badge').allInnerTexts();
        assert.ok(badges.length >= p.applies.length && badges.every((b) => b.trim() === w.statusApplies));

        // The summary's count of applicable acts matches the cards.
        const count = await page.locator('.count-applies strong').innerText();
        assert.equal(Number(count.replace(/\D/g, '')), applies.length);

        // Obligations as a checklist grouped by act, and the standards table.
        await page.getByRole('heading', { level: 2, name: w.obligations, exact: true }).waitFor();
        const groups = await page.locator('#sec-obligations .duty-group').count();
        assert.ok(groups >= 2, 'duties grouped by act');
        const firstDuty = page.locator('#sec-obligations .duty input[type=checkbox]').first();
        await firstDuty.check();
        assert.ok(await firstDuty.isChecked(), 'a duty can be ticked');
        await page.locator('#sec-standards .std-group').first().waitFor();
        const closed = await page.locator('#sec-standards details:not([open]) > summary').count();
        for (let k = 0; k < closed; k++) await page.locator('#sec-standards details:not([open]) > summary').first().click();
        const stdText = await page.locator('#sec-standards').innerText();
        assert.match(stdText, p.standard, 'the harmonised standards are listed');

        // Acts that do not apply say why.
        await page.getByRole('heading', { level: 2, name: w.notApplicable, exact: true }).waitFor();
        const naItems = page.locator('#sec-not_applicable .na');
        assert.ok((await naItems.count()) > 5);
        await naItems.first().locator('summary').click();
        assert.ok((await naItems.first().locator('.reason').count()) >= 1, 'a reason is shown');

        if (p.id === 'charger' || p.id === 'plush') await screenshot(page, `result-${p.id}-${lang}`);
        assert.deepEqual(browsers[lang].outside, [], 'no request left 127.0.0.1');
      });
    }
  });
}

describe('result page', () => {
  test('switching language on a result page keeps the product and translates the result', async () => {
    const { page } = browsers.en;
    const url = resultUrl(PRODUCTS[1], 'en', { product_form: 'article' });
    await open(page, url);
    await page.getByRole('heading', { level: 2, name: W.en.applies, exact: true }).waitFor();
    const before = await appliesShortNames(page);
    assert.ok(before.includes('TSD'), `the plush toy is under the TSD (got ${before.join(', ')})`);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 2, name: W.zh.applies, exact: true }).waitFor();
    await settled(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal(page.url(), url, 'the address (and so the product) is unchanged');
    assert.deepEqual(await appliesShortNames(page), before, 'the same acts apply');
    const text = await page.locator('main').innerText();
    assert.match(text, /玩具安全指令|低电压指令/, 'act names in Chinese');
    assert.ok(!text.includes('Acts that apply'), 'no English heading left');
    assert.equal(await page.getByRole('button', { name: '中文' }).getAttribute('aria-pressed'), 'true');
    // The choice is remembered: a reload stays in Chinese although the browser is English.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: W.zh.applies, exact: true }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: W.en.applies, exact: true }).waitFor();
  });

  test('a shared result link opens the same result in another browser', async () => {
    const url = resultUrl(PRODUCTS[0], 'en');
    const { page } = browsers.zh;
    await open(page, url);
    await page.getByRole('heading', { level: 2, name: W.zh.applies, exact: true }).waitFor();
    const applies = await appliesShortNames(page);
    for (const s of PRODUCTS[0].applies) assert.ok(applies.includes(s));
    assert.match(await page.locator('#sec-applies').innerText(), /低电压指令/);
  });

  test('words the intake does not know: the category is picked from the list', async () => {
    for (const lang of ['en', 'zh']) {
      const w = W[lang];
      const { page } = browsers[lang];
      await open(page, `${server.base}/`);
      await page.getByLabel(w.describe).fill('Model QX-7 unit');
      await page.getByRole('button', { name: w.start }).click();
      await page.waitForURL(/#\/assess\?p=/);
      await settled(page);
      const card = page.locator('.question[data-type="category"]');
      await card.waitFor();
      const pick = card.locator('select');
      await pick.locator('option[value="kettle"]').waitFor({ state: 'attached' });
      // The whole taxonomy, named in the page's language.
      assert.ok((await pick.locator('option').count()) > 200, 'every category is offered');
      const name = (await pick.locator('option[value="kettle"]').innerText()).trim();
      assert.match(name, lang === 'en' ? /kettle/i : /水壶/);
      if (lang === 'en') await screenshot(page, 'category-pick-en');
      const url = page.url();
      await pick.selectOption('kettle');
      await card.getByRole('button', { name: w.answer, exact: true }).click();
      await page.waitForURL((u) => u.toString() !== url);
      await settled(page);
      assert.equal((await page.getByTestId('product-category').innerText()).trim().includes(name), true);
      assert.ok((await appliesShortNames(page)).includes('LVD'), 'a kettle is under the LVD');
      // What undetermined acts still need is named in the page's language, never by id.
      const needs = await page.locator('#sec-undetermined .missing-attr').allInnerTexts();
      assert.ok(needs.length > 0, 'some act still needs a fact');
      for (const n of needs) {
        assert.doesNotMatch(n, /_/, `"${n}" is a label, not an id`);
        if (lang === 'zh') assert.match(n, /[\u4e00-\u9fff]/, `"${n}" is in Chinese`);
      }
    }
  });

  test('an unsure category: the likeliest three are offered with how sure, and one is picked', async () => {
    for (const lang of ['en', 'zh']) {
      const { page } = browsers[lang];
      const doc = { text: 'Blue and white set with accessories', attributes: { sold_online: true } };
      await open(page, `${server.base}/#/assess?p=${Buffer.from(JSON.stringify(doc)).toString('base64url')}`);
      const card = page.locator('.question[data-type="category"]');
      await card.waitFor();
      const offered = card.locator('.candidates button.candidate');
      assert.equal(await offered.count(), 3, `${lang}: three candidates`);
      const first = offered.first();
      const label = (await first.innerText()).trim();
      assert.match(label, lang === 'en' ? /\d+% sure/ : /把握 \d+%/, `${lang}: "${label}" says how sure`);
      const id = await first.getAttribute('data-category');
      const name = label.replace(/\s*(\d+% sure|把握 \d+%)$/, '').trim();
      const url = page.url();
      await first.click();
      await page.waitForURL((u) => u.toString() !== url);
      await settled(page);
      const p = new URL(page.url()).hash.split('p=')[1];
      assert.equal(JSON.parse(Buffer.from(p, 'base64url').toString()).category, id, `${lang}: the pick is an answer`);
      assert.equal((await page.getByTestId('product-category').innerText()).trim(), name);
    }
  });

  test('a fact read from the description is corrected on the result page', async () => {
    for (const lang of ['en', 'zh']) {
      const { page } = browsers[lang];
      const doc = { text: lang === 'en' ? 'Rechargeable LED desk lamp' : '可充电 LED 台灯', attributes: { sold_online: true } };
      await open(page, `${server.base}/#/assess?p=${Buffer.from(JSON.stringify(doc)).toString('base64url')}`);
      await page.locator('details.facts').evaluate((d) => { d.open = true; });
      const row = page.locator('.facts-table tr[data-attr="has_battery"]');
      assert.equal(await row.getAttribute('data-source'), 'text', `${lang}: read from the description`);
      assert.match((await row.locator('td').first().innerText()).trim(), lang === 'en' ? /^yes$/i : /^是$/);
      // The category read from the text says how sure the recogniser or lexicon is.
      assert.match(await page.locator('.facts-table tr[data-attr="category"] .source').innerText(), lang === 'en' ? /\d+% sure/ : /把握 \d+%/);
      await row.locator('button.correct-btn').click();
      const editor = row.locator('form.fact-editor');
      await editor.locator('select').selectOption('false');
      const url = page.url();
      await editor.locator('button[type=submit]').click();
      await page.waitForURL((u) => u.toString() !== url);
      await settled(page);
      const p = new URL(page.url()).hash.split('p=')[1];
      assert.equal(JSON.parse(Buffer.from(p, 'base64url').toString()).attributes.has_battery, false);
      await page.locator('details.facts').evaluate((d) => { d.open = true; });
      const fixed = page.locator('.facts-table tr[data-attr="has_battery"]');
      assert.equal(await fixed.getAttribute('data-source'), 'given', `${lang}: the correction is an answer`);
      assert.match((await fixed.locator('td').first().innerText()).trim(), lang === 'en' ? /^no$/i : /^否$/);
    }
  });

  test('the standards that fit the product come first, and the whole list is one click away', async () => {
    const { page } = browsers.en;
    await open(page, resultUrl(PRODUCTS[0], 'en')); // the USB-C charger
    const group = page.locator('#sec-standards details.std-group[data-celex="32014L0035"]');
    await group.waitFor();
    if (!(await group.getAttribute('open'))) await group.locator('summary').click();
    const first = group.locator('tr[data-role]').first();
    assert.equal(await first.getAttribute('data-role'), 'product');
    assert.match(await first.locator('.std-ref').innerText(), /EN 62368-1/);
    // Welding, UPS or household-appliance parts do not fit a charger.
    assert.doesNotMatch(await group.locator('table').first().innerText(), /60974|62040|60335-2-/);
    await group.getByTestId('std-all').click();
    const all = group.getByTestId('std-all-table');
    await all.waitFor();
    assert.ok((await all.locator('tr').count()) > 500, 'the LVD list holds over 500 references');
  });

  test('the Chinese lessons page holds no English sentence of ours', async () => {
    const { page } = browsers.zh;
    await open(page, resultUrl(PRODUCTS[1], 'zh')); // the plush toy, in Chinese
    await page.getByTestId('lessons-link').click();
    await page.waitForURL(/#\/lessons\?p=/);
    await page.getByRole('heading', { level: 1, name: W.zh.lessons, exact: true }).waitFor();
    await page.locator('.lead, .error').first().waitFor();
    // Every checklist line and every tally label is Chinese, except standard references and
    // case numbers; the alert titles are the alerts' own English texts and are left out.
    const lines = [
      ...(await page.locator('.lesson-checklist .duty-text').allInnerTexts()),
      ...(await page.locator('.tally .tally-label').allInnerTexts()),
    ];
    assert.ok(lines.length > 3, 'the lessons show a checklist and tallies');
    for (const line of lines) {
      const isReference = /^(EN|HD|ISO|IEC|ETSI)[\s\d]/.test(line);
      assert.ok(isReference || /[\u4e00-\u9fff]/.test(line), `English on the Chinese page: "${line}"`);
      assert.doesNotMatch(line, /\b(Confirm conformity|Test to|Assess the|Inspect for|recurring finding)\b/, line);
    }
    await screenshot(page, 'lessons-zh');
  });

  test('lessons from past alerts are linked from the result', async () => {
    const { page } = browsers.en;
    await open(page, resultUrl(PRODUCTS[0], 'en'));
    await page.getByTestId('lessons-link').click();
    await page.waitForURL(/#\/lessons\?p=/);
    await page.getByRole('heading', { level: 1, name: W.en.lessons, exact: true }).waitFor();
    await page.locator('.lead, .error').first().waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /Based on \d+ of \d+ matching alerts/);
    const similar = page.locator('.hits .hit');
    assert.ok((await similar.count()) > 0, 'similar alerts are listed');
    await screenshot(page, 'lessons-en');
    await similar.first().locator('a').click();
    await page.waitForURL(/#\/alert\//);
    await page.getByRole('heading', { level: 2, name: W.en.measures, exact: true }).waitFor();
  });
});

describe('risk assessment wizard', () => {
  const RW = {
    en: { title: 'Risk assessment by the EU method', serious: 'Serious risk', high: 'High risk', errors: 'Please correct these fields' },
    zh: { title: '按欧盟方法进行风险评估', serious: '严重风险', high: '高风险', errors: '请更正以下字段' },
  };
  for (const lang of ['en', 'zh']) {
    test(`from a result: hazards suggested, steps and severity, the level and the matrix cell (${lang})`, async () => {
      const { page } = browsers[lang];
      const w = RW[lang];
      await open(page, resultUrl(PRODUCTS[1], lang)); // the plush toy
      await page.getByTestId('risk-link').click();
      await page.waitForURL(/#\/risk\?p=.*&c=/);
      await page.getByRole('heading', { level: 1, name: w.title, exact: true }).waitFor();
      // The soft toy's alert history puts small parts among the suggestions.
      const small = page.locator('[data-testid="risk-suggested"] li[data-hazard="small_parts"] button');
      await small.waitFor();
      await page.getByTestId('risk-user-group').selectOption('child');
      await page.getByTestId('risk-user-age').fill('18');
      await small.click();
      const sc = page.locator('[data-testid="risk-scenario"][data-hazard="small_parts"]');
      await sc.waitFor();
      // The template's three steps come filled in; the probabilities are typed.
      assert.equal(await sc.locator('.risk-step-text').count(), 3);
      assert.ok((await sc.locator('.risk-step-text').first().inputValue()).length > 5, 'the step text is suggested');
      const probs = sc.locator('.risk-step-p');
      await probs.nth(0).fill('1/10');
      await probs.nth(1).fill('0.5');
      await probs.nth(2).fill('1 in 100');
      await sc.locator('.risk-severity').selectOption('4');
      await page.getByTestId('risk-run').click();
      const level = page.getByTestId('risk-level');
      await level.waitFor();
      assert.equal(await level.getAttribute('data-level'), 'serious');
      assert.equal((await level.innerText()).trim(), w.serious);
      // 1/10 x 1/2 x 1/100 = 1/2 000: band "> 1/10 000" (4), severity 4.
      const hits = page.getByTestId('matrix-hit');
      assert.equal(await hits.count(), 1);
      assert.equal(await hits.getAttribute('data-band'), '4');
      assert.equal(await hits.getAttribute('data-severity'), '4');
      assert.equal(await hits.getAttribute('data-scenarios'), '1');
      assert.equal(await page.locator('[data-testid="risk-matrix"] td.cell').count(), 32);
      // Presumption 4.1(e)(i): small parts of a toy for a child under 36 months.
      assert.equal(await page.locator('.risk-result li[data-point="4.1(e)(i)"]').count(), 1);
      // The sensitivity chart: 3 steps x 2, and the severity one level lower.
      const rows = page.locator('[data-testid="sensitivity-chart"] .sens-row');
      assert.equal(await rows.count(), 7);
      assert.ok((await page.locator('[data-testid="sensitivity-chart"] .sens-row[data-changes="true"]').count()) >= 3);
      await screenshot(page, `risk-${lang}`);

      // A lower severity moves the scenario to another cell and level.
      await sc.locator('.risk-severity').selectOption('3');
      await page.getByTestId('risk-run').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="matrix-hit"]')?.getAttribute('data-severity') === '3');
      assert.equal(await page.getByTestId('risk-level').getAttribute('data-level'), 'serious'); // still presumed
      assert.equal(await page.locator('[data-testid="risk-scenario-result"]').first().getAttribute('data-level'), 'high');

      // A probability outside (0, 1] is refused with the field named.
      await probs.nth(0).fill('2');
      await page.getByTestId('risk-run').click();
      const err = page.getByTestId('risk-errors');
      await err.waitFor();
      assert.match(await err.innerText(), /\/scenarios\/0\/steps\/0\/probability/);
      assert.equal(await page.getByTestId('risk-level').count(), 0);
    });
  }
});

describe('alerts', () => {
  for (const lang of ['en', 'zh']) {
    test(`search with two facets, open an alert, see the charts (${lang})`, async () => {
      const w = W[lang];
      const { page } = browsers[lang];
      await open(page, `${server.base}/#/alerts`);
      await page.getByRole('heading', { level: 1, name: w.alertsTitle, exact: true }).waitFor();
      const total = async () => Number((await page.locator('.results-count').innerText()).replace(/[^\d]/g, ''));
      await page.locator('.results-count').waitFor();
      const all = await total();
      assert.ok(all > 300, `the store holds the imported alerts (${all})`);

      // Free text, then a category and a risk facet.
      await page.getByLabel(w.search, { exact: true }).fill('charger');
      await page.getByRole('button', { name: w.searchButton, exact: true }).click();
      await page.waitForURL(/q=charger/);
      await page.waitForFunction((n) => {
        const el = document.querySelector('.results-count');
        return el && Number(el.textContent.replace(/[^\d]/g, '')) < n;
      }, all);
      const withText = await total();
      assert.ok(withText > 0 && withText < all, `text narrows the results (${withText})`);

      const catBox = page.locator('fieldset[data-facet=category]');
      const catLabel = (await catBox.locator('.facet-label').first().innerText()).trim();
      const catCount = Number((await catBox.locator('.facet-count').first().innerText()).replace(/\D/g, ''));
      await catBox.locator('input[type=checkbox]').first().check();
      await page.waitForURL(/category=/);
      await page.waitForFunction((n) => Number(document.querySelector('.results-count')?.textContent.replace(/[^\d]/g, '')) === n, catCount);
      assert.equal(await total(), catCount, 'the category count is what the facet said');
      for (const c of await page.locator('.hit .hit-category').allInnerTexts()) assert.equal(c.trim(), catLabel);

      const riskBox = page.locator('fieldset[data-facet=risk]');
      const riskLabel = (await riskBox.locator('.facet-label').first().innerText()).trim();
      const riskCount = Number((await riskBox.locator('.facet-count').first().innerText()).replace(/\D/g, ''));
      await riskBox.locator('input[type=checkbox]').first().check();
      await page.waitForURL(/risk=/);
      await page.waitForFunction((n) => Number(document.querySelector('.results-count')?.textContent.replace(/[^\d]/g, '')) === n, riskCount);
      assert.ok(riskCount <= catCount);
      const url = new URL(page.url().replace('#/alerts?', 'x:/?'));
      assert.ok(url.searchParams.get('category') && url.searchParams.get('risk'), 'both facets are in the address');
      for (const r of await page.locator('.hit .hit-risk').allInnerTexts()) assert.match(r.toLowerCase(), new RegExp(riskLabel.split(/[ (]/)[0].toLowerCase()));
      // The active filters are shown and can be removed.
      assert.equal(await page.locator('.active-filters .chip').count(), 2);
      await page.locator('.results-count').scrollIntoViewIfNeeded();
      await screenshot(page, `alerts-${lang}`);

      // Charts follow the search: per year, by origin, top risks of a category.
      await page.getByRole('heading', { level: 2, name: lang === 'en' ? 'Charts' : '图表', exact: true }).waitFor();
      // Per year, by origin, top risks, and per month when the matches span several months.
      assert.ok((await page.locator('figure.chart canvas').count()) >= 3);
      const yearRows = page.locator('figure[data-chart=per-year] tbody tr');
      assert.ok((await yearRows.count()) >= 1);
      const sum = (await page.locator('figure[data-chart=per-year] tbody td.num').allTextContents()).reduce((s, x) => s + Number(x.replace(/\D/g, '')), 0);
      assert.equal(sum, riskCount, 'alerts per year add up to the results');
      assert.match(await page.locator('figure[data-chart=per-year] figcaption').innerText(), new RegExp(w.perYear));

      await screenshotOf(page.locator('#charts'), `charts-filtered-${lang}`);

      // One alert in detail: measures and references parsed.
      await page.locator('.hit a').first().click();
      await page.waitForURL(/#\/alert\//);
      await page.getByRole('heading', { level: 2, name: w.measures, exact: true }).waitFor();
      await page.getByRole('heading', { level: 2, name: w.references, exact: true }).waitFor();
      const detail = await page.locator('main').innerText();
      assert.ok(detail.includes(catLabel), 'the detail shows the category');
      assert.ok((await page.locator('table.measures tbody tr').count()) >= 1 || detail.length > 200);
      await screenshot(page, `alert-detail-${lang}`);
    });
  }

  test('a Chinese search is expanded to English and says so; the data date and a CSV export are shown', async () => {
    const { page } = browsers.zh;
    // The test store holds six reports: soft toys are among them (no power bank is).
    await open(page, `${server.base}/#/alerts?q=${encodeURIComponent('毛绒玩具')}`);
    const note = page.getByTestId('expanded-query');
    await note.waitFor();
    assert.match(await note.innerText(), /毛绒玩具 → plush toy/);
    assert.ok((await page.locator('.hits .hit').count()) > 0, 'soft-toy alerts are found');
    assert.match(await page.getByTestId('data-as-of').innerText(), /数据截至/);
    const csv = await page.getByTestId('alerts-csv').getAttribute('href');
    assert.match(csv, /format=csv/);
    const res = await page.request.get(new URL(csv, server.base + '/').toString());
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /text\/csv/);
    assert.match(await res.text(), /^case_number,report_date,/);
  });

  test('charts of the whole store', async () => {
    const { page } = browsers.en;
    await open(page, `${server.base}/#/alerts`);
    await page.locator('figure[data-chart=per-year] canvas').waitFor();
    const years = await page.locator('figure[data-chart=per-year] tbody th').allTextContents();
    for (const y of ['2021', '2022', '2023', '2024', '2025', '2026']) assert.ok(years.includes(y), `year ${y} charted (${years})`);
    const origins = await page.locator('figure[data-chart=by-origin] tbody th').allTextContents();
    assert.ok(origins.some((o) => /China/i.test(o)), 'China among the origins');
    const risks = await page.locator('figure[data-chart=top-risks] tbody th').allTextContents();
    assert.ok(risks.length >= 1, 'top risks of the first category');
    // The monthly trend: consecutive months, the gaps between reports as zeros.
    await page.locator('figure[data-chart=per-month] canvas').waitFor();
    const months = await page.locator('figure[data-chart=per-month] tbody th').allTextContents();
    assert.ok(months.length > 1 && months.every((m) => /^\d{4}-\d{2}$/.test(m)), `months charted (${months})`);
    await screenshotOf(page.locator('#charts'), 'charts-en');
  });
});

describe('accessibility', () => {
  test('keyboard only: skip link, form labels, answering a question', async () => {
    const { page } = browsers.zh;
    await open(page, `${server.base}/`);
    await page.getByRole('heading', { level: 1, name: W.zh.intakeTitle, exact: true }).waitFor();
    // Every form control has an accessible name.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
        .filter((el) => !el.closest('.sr-only') && el.getAttribute('aria-hidden') !== 'true')
        .filter((el) => {
          const id = el.id;
          const byFor = id && document.querySelector(`label[for="${CSS.escape(id)}"]`);
          return !(byFor || el.closest('label') || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent.trim()));
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unlabelled, []);
    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    // Type a description and submit with the keyboard.
    await page.getByLabel(W.zh.describe).focus();
    await page.keyboard.type('USB-C 充电器 5V 3A');
    await page.getByRole('button', { name: W.zh.start }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/assess\?p=/);
    await settled(page);
    await page.locator('.question, .notice-done').first().waitFor();
    if (await page.locator('.question').count()) {
      const url = page.url();
      // Focus moves to the first answer control once the card is shown; Enter answers.
      await page.waitForFunction(() => document.activeElement?.closest('.question') != null);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.toString() !== url);
    }
  });

  test('text colours have enough contrast', async () => {
    const { page } = browsers.en;
    await open(page, resultUrl(PRODUCTS[0], 'en'));
    const low = await page.evaluate(() => {
      const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const bgOf = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const bad = [];
      for (const el of document.querySelectorAll('body *')) {
        if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        const s = getComputedStyle(el);
        if (s.visibility === 'hidden' || s.display === 'none' || el.closest('.sr-only')) continue;
        const fg = parse(s.color).slice(0, 3);
        const bg = bgOf(el);
        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        const ratio = (a + 0.05) / (b + 0.05);
        if (ratio < 4.5) bad.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 30)}"`);
      }
      return bad;
    });
    assert.deepEqual(low, []);
  });
});

describe('offline', () => {
  test('no page asks for anything outside 127.0.0.1, and no script error', async () => {
    for (const [lang, b] of Object.entries(browsers)) {
      // Only what this test's own page loads counts (earlier tests assert their own).
      b.outside.length = 0;
      b.errors.length = 0;
      const pages = [`${server.base}/`, resultUrl(PRODUCTS[2], lang), `${server.base}/#/alerts`];
      for (const url of pages) {
        await open(b.page, url);
        await b.page.evaluate(() => document.fonts?.ready);
      }
      await b.page.locator('figure[data-chart=per-year] canvas').waitFor();
      assert.deepEqual(b.outside, [], `${lang}: requests outside the server`);
      assert.deepEqual(b.errors.filter((e) => !/Failed to load resource.*404/.test(e)), [], `${lang}: script errors`);
    }
  });
});
