// #/assess?p=<product>: the next question (one at a time, with "why we ask"), then the result:
// acts that apply, upcoming ones on a timeline, undetermined ones, the duties as a checklist
// by act, the standards, and the acts that do not apply with the reasons. Every answer is a
// new address, so the browser's Back undoes it and the address can be shared.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  assess,
  attributes as fetchAttributes,
  type AttributeEntry,
  categories as fetchCategories,
  type CategoryEntry,
  harmonisedList,
  type HarmonisedRow,
  type ActResult,
  type Assessment,
  type AttrValue,
  type Obligation,
  type ProductDoc,
  type Question,
  type Status,
} from '../api';
import {
  citationText,
  ErrorBox,
  Loading,
  Section,
  StatusBadge,
  Unconfirmed,
  useAsync,
  useFocusHeading,
} from '../components';
import { formatDate, formatNumber, type Key } from '../i18n';
import { useLang } from '../lang';
import { decodeProduct, encodeProduct, href, navigate } from '../route';

function withAnswer(doc: ProductDoc, q: Question, value: AttrValue): ProductDoc {
  if (q.type === 'category') return { ...doc, category: String(value) };
  return { ...doc, attributes: { ...(doc.attributes ?? {}), [q.attribute]: value } };
}

function withSkip(doc: ProductDoc, attr: string): ProductDoc {
  return { ...doc, skip: [...(doc.skip ?? []), attr] };
}

function without(doc: ProductDoc, attr: string): ProductDoc {
  if (attr === 'category') {
    const { category: _c, ...rest } = doc;
    return rest;
  }
  const attributes = { ...(doc.attributes ?? {}) };
  delete attributes[attr];
  return { ...doc, attributes, skip: (doc.skip ?? []).filter((s) => s !== attr) };
}

function go(doc: ProductDoc) {
  navigate(href('/assess', { p: encodeProduct(doc) }));
}

// The API names the attributes an undetermined act still needs by id only; their labels come
// from GET /api/v1/attributes in the page's language (and from the product facts seen).
const knownLabels: Record<'en' | 'zh', Map<string, string>> = { en: new Map(), zh: new Map() };
function learnLabels(lang: 'en' | 'zh', a: Assessment) {
  for (const [id, v] of Object.entries(a.product.attributes ?? {})) if (v.label) knownLabels[lang].set(id, v.label);
  if (a.next_question?.label && a.next_question.type !== 'category') knownLabels[lang].set(a.next_question.attribute, a.next_question.label);
}

export function Assess({ p }: { p: string | null }) {
  const { lang, t } = useLang();
  const doc = decodeProduct(p);
  const [res, retry] = useAsync(() => (doc ? assess(doc, lang) : Promise.reject(new Error('no product'))), `${p}|${lang}`);
  const h = useFocusHeading(`assess-${p}`);
  const [, labelsLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    fetchAttributes(lang)
      .then((list) => {
        for (const x of list) knownLabels[lang].set(x.id, x.label);
        if (live) labelsLoaded((n) => n + 1);
      })
      .catch(() => undefined); // labels fall back to the ids' words
    return () => {
      live = false;
    };
  }, [lang]);

  if (!doc) {
    return (
      <div>
        <h1>{t('notfound.title')}</h1>
        <p>
          <a href="#/">{t('notfound.back')}</a>
        </p>
      </div>
    );
  }
  const a = res.data;
  if (a) learnLabels(lang, a);
  const answered = Object.keys(doc.attributes ?? {}).length + (doc.category ? 1 : 0);
  return (
    <div class="assess" aria-busy={res.state === 'loading'} data-p={p ?? ''}>
      <div class="page-head">
        <h1 tabIndex={-1} ref={h}>
          {t('result.title')}
          {a?.product?.name ? <span class="subtitle">{a.product.name}</span> : null}
        </h1>
        {a && <Toolbar doc={doc} p={p ?? ''} />}
      </div>
      {res.state === 'error' && <ErrorBox error={res.error} retry={retry} />}
      {!a && res.state === 'loading' && <Loading />}
      {a && (
        <>
          {a.next_question ? (
            <QuestionCard
              key={`${a.next_question.attribute}|${p}`}
              q={a.next_question}
              doc={doc}
              answered={answered}
              busy={res.state === 'loading'}
              candidates={a.next_question.type === 'category' ? a.product.category_candidates : undefined}
            />
          ) : (
            <p class="notice notice-done" role="status">
              {t('q.done')}
              {a.summary?.undetermined ? ` ${t('q.remaining', { n: a.summary.undetermined })}` : ''}
            </p>
          )}
          <Result a={a} doc={doc} p={p ?? ''} />
        </>
      )}
    </div>
  );
}

function Toolbar({ doc, p }: { doc: ProductDoc; p: string }) {
  const { t } = useLang();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Clipboard blocked (plain http, permissions): select the address for the user instead.
      const i = document.getElementById('share-url') as HTMLInputElement | null;
      i?.select();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
  };
  void doc;
  return (
    <div class="toolbar no-print" role="group" aria-label={t('result.title')}>
      <button type="button" class="btn" onClick={() => window.print()}>
        {t('result.print')}
      </button>
      <button type="button" class="btn" onClick={copy} aria-describedby="share-hint">
        {copied ? t('result.shared') : t('result.share')}
      </button>
      <a class="btn" href="#/">
        {t('result.restart')}
      </a>
      <input id="share-url" class="sr-only" readOnly value={location.href} aria-hidden="true" tabIndex={-1} />
      <span id="share-hint" class="sr-only">
        {t('result.shareHint')}
      </span>
      <span class="sr-only" role="status">
        {copied ? t('result.shared') : ''}
      </span>
      <input type="hidden" value={p} />
    </div>
  );
}

function QuestionCard({
  q,
  doc,
  answered,
  busy,
  candidates,
}: {
  q: Question;
  doc: ProductDoc;
  answered: number;
  busy: boolean;
  candidates?: { id: string; name: string; p: number }[];
}) {
  const { lang, t } = useLang();
  const [value, setValue] = useState<string>('');
  // The category in words, or picked from the whole taxonomy when words are not enough.
  const askWords = q.type === 'category' && !(q.values ?? []).length;
  const [cats, setCats] = useState<CategoryEntry[]>([]);
  const [pick, setPick] = useState('');
  useEffect(() => {
    if (!askWords) return;
    let live = true;
    fetchCategories(lang)
      .then((list) => live && setCats(list))
      .catch(() => live && setCats([]));
    return () => {
      live = false;
    };
  }, [askWords, lang]);
  const [many, setMany] = useState<string[]>([]);
  const [error, setError] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Put the keyboard on the first answer control of the new question.
    // After the page's own focus handling (parents' effects run after this one).
    const id = setTimeout(() => ref.current?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true }));
    return () => clearTimeout(id);
  }, [q.attribute]);

  const submit = (e: Event) => {
    e.preventDefault();
    let v: AttrValue;
    if (askWords) {
      // A category picked from the list wins; otherwise the words go to the free-text
      // intake, which finds the category in its bilingual lexicon (or asks again).
      if (pick) return go({ ...doc, category: pick });
      const words = value.trim();
      if (!words) return setError(t('q.required'));
      return go({ ...doc, text: [doc.text, words].filter(Boolean).join('; ') });
    }
    if (q.type === 'set') v = many;
    else if (q.type === 'number') {
      const s = value.trim().replace(',', '.');
      if (!s) return setError(t('q.required'));
      v = /[a-zA-Z\u00b5\u03bc\u4e00-\u9fff]/.test(s) || !q.unit ? s : `${s} ${q.unit}`;
    } else {
      if (!value) return setError(t('q.required'));
      v = value;
    }
    go(withAnswer(doc, q, v));
  };
  const answerBool = (b: boolean) => go(withAnswer(doc, q, b));
  const skip = () => go(withSkip(doc, q.attribute));
  const qid = `q-${q.attribute}`;

  return (
    <section class="card question no-print" aria-labelledby={`${qid}-h`} data-type={q.type} data-decides={q.decides ?? 'acts'} ref={ref}>
      <p class="eyebrow">
        {t('q.heading')} · <span class="progress">{t('q.progress', { n: answered })}</span>
      </p>
      <h2 id={`${qid}-h`} class="question-text">
        {q.question || q.label}
      </h2>
      {q.decides === 'obligations' && (
        <p class="notice notice-duties" data-testid="duty-step">
          {t('q.forDuties')}
        </p>
      )}
      <div class="why">
        <h3>{t('q.why')}</h3>
        <p>{q.why}</p>
        {q.acts && q.acts.length > 0 && (
          <p class="settles">
            {t('q.affects')}:{' '}
            {q.acts.map((x, i) => (
              <span class="act-chip" key={i}>
                {typeof x === 'string' ? x : x.short_name}
              </span>
            ))}
          </p>
        )}
      </div>
      <form onSubmit={submit} class="answer" aria-describedby={`${qid}-err`}>
        {q.type === 'bool' && (
          <div class="answer-buttons">
            <button type="button" class="btn btn-primary" disabled={busy} onClick={() => answerBool(true)}>
              {t('q.yes')}
            </button>
            <button type="button" class="btn btn-primary" disabled={busy} onClick={() => answerBool(false)}>
              {t('q.no')}
            </button>
          </div>
        )}
        {candidates && candidates.length > 0 && (
          <fieldset class="choices candidates" aria-describedby={`${qid}-likely-hint`}>
            <legend>{t('q.category.likely')}</legend>
            <p class="hint" id={`${qid}-likely-hint`}>
              {t('q.category.likelyHint')}
            </p>
            <div class="answer-buttons">
              {candidates.map((c) => (
                <button
                  type="button"
                  class="btn candidate"
                  key={c.id}
                  data-category={c.id}
                  disabled={busy}
                  onClick={() => go({ ...doc, category: c.id })}
                >
                  {c.name} <span class="confidence">{t('result.confidence', { p: Math.round(100 * c.p) })}</span>
                </button>
              ))}
            </div>
          </fieldset>
        )}
        {q.type === 'category' && !(q.values ?? []).length && (
          <div class="field">
            <label for={`${qid}-words`}>{t('q.category.words')}</label>
            <input
              id={`${qid}-words`}
              type="text"
              value={value}
              aria-describedby={`${qid}-words-hint`}
              onInput={(e) => {
                setValue((e.target as HTMLInputElement).value);
                setError('');
              }}
            />
            <p class="hint" id={`${qid}-words-hint`}>
              {t('q.category.hint')}
            </p>
          </div>
        )}
        {askWords && cats.length > 0 && (
          <div class="field">
            <label for={`${qid}-pick`}>{t('q.category.pick')}</label>
            <select
              id={`${qid}-pick`}
              value={pick}
              onChange={(e) => {
                setPick((e.target as HTMLSelectElement).value);
                setError('');
              }}
            >
              <option value="">—</option>
              {cats.map((c) => (
                <option value={c.id} key={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {(q.type === 'enum' || q.type === 'category') && (q.values ?? []).length > 0 && (
          <fieldset class="choices">
            <legend>{t('q.choose')}</legend>
            {(q.values ?? []).length > 8 ? (
              <select
                id={`${qid}-sel`}
                aria-label={q.label}
                value={value}
                onChange={(e) => {
                  setValue((e.target as HTMLSelectElement).value);
                  setError('');
                }}
              >
                <option value="">—</option>
                {(q.values ?? []).map((v) => (
                  <option value={v.id} key={v.id}>
                    {v.label}
                  </option>
                ))}
              </select>
            ) : (
              (q.values ?? []).map((v) => (
                <label class="choice" key={v.id}>
                  <input
                    type="radio"
                    name={qid}
                    value={v.id}
                    checked={value === v.id}
                    onChange={() => {
                      setValue(v.id);
                      setError('');
                    }}
                  />
                  <span>{v.label}</span>
                </label>
              ))
            )}
          </fieldset>
        )}
        {q.type === 'set' && (
          <fieldset class="choices">
            <legend>{t('q.chooseMany')}</legend>
            {(q.values ?? []).map((v) => (
              <label class="choice" key={v.id}>
                <input
                  type="checkbox"
                  name={qid}
                  value={v.id}
                  checked={many.includes(v.id)}
                  onChange={(e) =>
                    setMany((e.target as HTMLInputElement).checked ? [...many, v.id] : many.filter((x) => x !== v.id))
                  }
                />
                <span>{v.label}</span>
              </label>
            ))}
          </fieldset>
        )}
        {q.type === 'number' && (
          <div class="field field-inline">
            <label for={`${qid}-num`}>{q.label}</label>
            <input
              id={`${qid}-num`}
              type="text"
              inputMode="decimal"
              value={value}
              aria-describedby={`${qid}-unit`}
              onInput={(e) => {
                setValue((e.target as HTMLInputElement).value);
                setError('');
              }}
            />
            {q.unit && (
              <span class="unit" id={`${qid}-unit`}>
                {t('q.unit', { unit: q.unit })}
              </span>
            )}
          </div>
        )}
        <p class="field-error" id={`${qid}-err`} role="alert">
          {error}
        </p>
        <div class="actions">
          {q.type !== 'bool' && (
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {t('q.answer')}
            </button>
          )}
          <button type="button" class="btn btn-quiet" disabled={busy} onClick={skip}>
            {t('q.skip')}
          </button>
        </div>
      </form>
    </section>
  );
}

const ORDER: Status[] = ['applies', 'upcoming', 'undetermined', 'no_longer_applies', 'not_applicable'];

function byName(a: ActResult, b: ActResult) {
  return a.short_name.localeCompare(b.short_name);
}

function Result({ a, doc, p }: { a: Assessment; doc: ProductDoc; p: string }) {
  const { t, lang } = useLang();
  const groups: Record<Status, ActResult[]> = {
    applies: [],
    upcoming: [],
    undetermined: [],
    no_longer_applies: [],
    not_applicable: [],
  };
  for (const act of a.acts) (groups[act.status] ?? groups.not_applicable).push(act);
  for (const g of Object.values(groups)) g.sort(byName);
  const counts = a.summary ?? Object.fromEntries(ORDER.map((s) => [s, groups[s].length]));
  const attrLabel = (id: string) => {
    if (id === 'category') return t('result.category');
    return a.product.attributes?.[id]?.label ?? knownLabels[lang].get(id) ?? id.replace(/_/g, ' ');
  };
  const dutyActs = [...groups.applies, ...groups.upcoming];

  return (
    <div class="result">
      <section class="card summary" aria-labelledby="summary-h">
        <h2 id="summary-h">{t('result.summary')}</h2>
        <dl class="facts-inline">
          {a.product.name && (
            <>
              <dt>{t('result.product')}</dt>
              <dd data-testid="product-name">{a.product.name}</dd>
            </>
          )}
          {doc.text && (
            <>
              <dt>{t('result.description')}</dt>
              <dd class="product-text">{doc.text}</dd>
            </>
          )}
          <dt>{t('result.category')}</dt>
          <dd data-testid="product-category">{a.product.category?.name ?? '—'}</dd>
        </dl>
        <p class="as-of">{t('result.asOf', { date: formatDate(lang, a.as_of) })}</p>
        <ul class="counts">
          {ORDER.map((s) => (
            <li key={s} class={`count count-${s}`}>
              <a href={`#sec-${s}`} onClick={(e) => jump(e, `sec-${s}`)}>
                <strong>{formatNumber(lang, counts[s] ?? 0)}</strong> {t(`result.count.${s}` as Key)}
              </a>
            </li>
          ))}
        </ul>
        <Facts key={p} a={a} doc={doc} />
      </section>

      <Section id="sec-applies" title={t('result.applies')}>
        {groups.applies.length === 0 ? <p class="empty">{t('result.applies.none')}</p> : <ActList acts={groups.applies} />}
      </Section>

      {(groups.upcoming.length > 0 || dutyActs.some((x) => x.obligations?.some((o) => o.status === 'upcoming'))) && (
        <Section id="sec-upcoming" title={t('result.upcoming')} lead={t('result.upcoming.lead')}>
          <Timeline a={a} upcoming={groups.upcoming} dutyActs={groups.applies} />
        </Section>
      )}

      {groups.undetermined.length > 0 && (
        <Section id="sec-undetermined" title={t('result.undetermined')} lead={t('result.undetermined.lead')}>
          <ActList acts={groups.undetermined} missingLabel={attrLabel} />
        </Section>
      )}

      <Section id="sec-obligations" title={t('result.obligations')} lead={t('result.obligations.lead')}>
        <Checklist acts={dutyActs} p={p} />
      </Section>

      <Section id="sec-standards" title={t('result.standards')} lead={t('result.standards.lead')}>
        <Standards acts={dutyActs} asOf={a.as_of} />
      </Section>

      <Section id="sec-lessons" title={t('result.lessons')} lead={t('result.lessons.lead')} class="no-print">
        <p>
          <a class="btn" href={href('/lessons', { p })} data-testid="lessons-link">
            {t('result.lessons.open')}
          </a>
        </p>
      </Section>

      <Section id="sec-risk" title={t('result.risk')} lead={t('result.risk.lead')} class="no-print">
        <p>
          <a class="btn" href={href('/risk', { p, c: a.product.category?.id })} data-testid="risk-link">
            {t('result.risk.open')}
          </a>
        </p>
      </Section>

      {groups.no_longer_applies.length > 0 && (
        <Section id="sec-no_longer_applies" title={t('result.noLonger')}>
          <ActList acts={groups.no_longer_applies} />
        </Section>
      )}

      <Section id="sec-not_applicable" title={t('result.notApplicable')}>
        <ul class="na-list">
          {groups.not_applicable.map((act) => (
            <li key={act.celex} class="na" data-celex={act.celex}>
              <details>
                <summary>
                  <span class="short">{act.short_name}</span> <span class="act-title">{act.title}</span>
                </summary>
                <Reasons act={act} />
              </details>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

function jump(e: Event, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const h = el.querySelector<HTMLElement>('h2');
  if (h) {
    h.tabIndex = -1;
    h.focus({ preventScroll: true });
  }
}

// What is known about the product, each fact with where it comes from: an answer (which can
// be taken back), the description (with the words it was read from and, for the category, how
// sure the recogniser is) or the category's usual value. Any fact can be corrected: the
// correction becomes an answer, which beats what was read or assumed.
function Facts({ a, doc }: { a: Assessment; doc: ProductDoc }) {
  const { t } = useLang();
  const [editing, setEditing] = useState<string | null>(null);
  const attrs = Object.entries(a.product.attributes ?? {});
  const given = new Set(Object.keys(doc.attributes ?? {}));
  const sourceKey = (s?: string): Key | null =>
    s === 'given' ? 'result.source.given' : s === 'text' ? 'result.source.text' : s === 'category_default' || s === 'default' ? 'result.source.default' : null;
  const cat = a.product.category;
  const correctButton = (id: string, label: string) => (
    <button type="button" class="link-btn correct-btn" onClick={() => setEditing(id)} aria-expanded={editing === id}>
      {t('result.facts.correct')}
      <span class="sr-only"> {label}</span>
    </button>
  );
  return (
    <details class="facts" open={editing !== null ? true : undefined}>
      <summary>
        {t('result.facts')} ({attrs.length + (cat ? 1 : 0)})
      </summary>
      {attrs.length === 0 && !cat ? (
        <p>{t('result.facts.none')}</p>
      ) : (
        <table class="facts-table">
          <tbody>
            {cat && (
              <tr data-attr="category" data-source={cat.source}>
                <th scope="row">{t('result.category')}</th>
                <td>
                  {editing === 'category' ? (
                    <FactEditor attr="category" doc={doc} current={cat.id} label={t('result.category')} onCancel={() => setEditing(null)} />
                  ) : (
                    cat.name
                  )}
                </td>
                <td class="source">
                  {sourceKey(cat.source) && t(sourceKey(cat.source)!)}
                  {cat.evidence ? ` “${cat.evidence}”` : ''}
                  {cat.source === 'text' && typeof cat.confidence === 'number' && (
                    <span class="confidence"> · {t('result.confidence', { p: Math.round(100 * cat.confidence) })}</span>
                  )}
                </td>
                <td>
                  {doc.category ? (
                    <button type="button" class="link-btn" onClick={() => go(without(doc, 'category'))}>
                      {t('result.facts.change')}
                      <span class="sr-only"> {t('result.category')}</span>
                    </button>
                  ) : (
                    editing !== 'category' && correctButton('category', t('result.category'))
                  )}
                </td>
              </tr>
            )}
            {attrs.map(([id, v]) => (
              <tr key={id} data-attr={id} data-source={v.source}>
                <th scope="row">{v.label ?? id}</th>
                <td>
                  {editing === id ? (
                    <FactEditor attr={id} doc={doc} current={v.value} label={v.label ?? id} onCancel={() => setEditing(null)} />
                  ) : (
                    v.display ?? String(v.value)
                  )}
                </td>
                <td class="source">
                  {sourceKey(v.source) && t(sourceKey(v.source)!)}
                  {v.evidence ? ` “${v.evidence}”` : ''}
                </td>
                <td>
                  {given.has(id) ? (
                    <button type="button" class="link-btn" onClick={() => go(without(doc, id))}>
                      {t('result.facts.change')}
                      <span class="sr-only"> {v.label ?? id}</span>
                    </button>
                  ) : (
                    editing !== id && correctButton(id, v.label ?? id)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

// One fact's correct value, in the control its type needs (from GET /api/v1/attributes, or the
// taxonomy for the category); saving makes it an answer.
function FactEditor({
  attr,
  doc,
  current,
  label,
  onCancel,
}: {
  attr: string;
  doc: ProductDoc;
  current: AttrValue;
  label: string;
  onCancel: () => void;
}) {
  const { lang, t } = useLang();
  const [meta, setMeta] = useState<AttributeEntry | null>(null);
  const [cats, setCats] = useState<CategoryEntry[]>([]);
  const [value, setValue] = useState<string>(typeof current === 'boolean' || typeof current === 'number' ? String(current) : Array.isArray(current) ? '' : String(current ?? ''));
  const [many, setMany] = useState<string[]>(Array.isArray(current) ? current.map(String) : []);
  const [error, setError] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    let live = true;
    if (attr === 'category') fetchCategories(lang).then((l) => live && setCats(l)).catch(() => undefined);
    else fetchAttributes(lang).then((l) => live && setMeta(l.find((x) => x.id === attr) ?? null)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [attr, lang]);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, input')?.focus({ preventScroll: true });
  }, [meta, cats.length]);
  const id = `fix-${attr}`;
  const save = (e: Event) => {
    e.preventDefault();
    if (attr === 'category') {
      if (!value) return setError(t('q.required'));
      return go({ ...doc, category: value });
    }
    if (!meta) return;
    let v: AttrValue;
    if (meta.type === 'bool') v = value === 'true';
    else if (meta.type === 'set') v = many;
    else if (meta.type === 'number') {
      const s = value.trim().replace(',', '.');
      if (!s) return setError(t('q.required'));
      v = /[a-zA-Z\u00b5\u03bc\u4e00-\u9fff]/.test(s) || !meta.unit ? s : `${s} ${meta.unit}`;
    } else {
      if (!value) return setError(t('q.required'));
      v = value;
    }
    go({ ...doc, attributes: { ...(doc.attributes ?? {}), [attr]: v } });
  };
  const control = () => {
    if (attr === 'category') {
      return (
        <select id={id} aria-label={t('result.facts.value')} value={value} onChange={(e) => setValue((e.target as HTMLSelectElement).value)}>
          {cats.map((c) => (
            <option value={c.id} key={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      );
    }
    if (!meta) return <Loading />;
    if (meta.type === 'bool') {
      return (
        <select id={id} aria-label={t('result.facts.value')} value={value} onChange={(e) => setValue((e.target as HTMLSelectElement).value)}>
          <option value="true">{t('q.yes')}</option>
          <option value="false">{t('q.no')}</option>
        </select>
      );
    }
    if (meta.type === 'enum') {
      return (
        <select id={id} aria-label={t('result.facts.value')} value={value} onChange={(e) => setValue((e.target as HTMLSelectElement).value)}>
          <option value="">—</option>
          {(meta.values ?? []).map((x) => (
            <option value={x.id} key={x.id}>
              {x.label}
            </option>
          ))}
        </select>
      );
    }
    if (meta.type === 'set') {
      return (
        <fieldset class="choices">
          <legend class="sr-only">{t('result.facts.value')}</legend>
          {(meta.values ?? []).map((x) => (
            <label class="choice" key={x.id}>
              <input
                type="checkbox"
                value={x.id}
                checked={many.includes(x.id)}
                onChange={(e) => setMany((e.target as HTMLInputElement).checked ? [...many, x.id] : many.filter((m) => m !== x.id))}
              />
              <span>{x.label}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <span class="field-inline">
        <input id={id} type="text" inputMode="decimal" aria-label={t('result.facts.value')} value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
        {meta.unit && <span class="unit">{t('q.unit', { unit: meta.unit })}</span>}
      </span>
    );
  };
  return (
    <form class="fact-editor" onSubmit={save} ref={ref} aria-label={`${t('result.facts.correct')} ${label}`}>
      {control()}
      <button type="submit" class="btn btn-primary">
        {t('result.facts.save')}
      </button>
      <button type="button" class="btn btn-quiet" onClick={onCancel}>
        {t('result.facts.cancel')}
      </button>
      <span class="field-error" role="alert">
        {error}
      </span>
    </form>
  );
}

function ActList({ acts, missingLabel }: { acts: ActResult[]; missingLabel?: (id: string) => string }) {
  return (
    <ul class="act-list">
      {acts.map((act) => (
        <li key={act.celex}>
          <ActCard act={act} missingLabel={missingLabel} />
        </li>
      ))}
    </ul>
  );
}

function ActCard({ act, missingLabel }: { act: ActResult; missingLabel?: (id: string) => string }) {
  const { t, lang } = useLang();
  const succ = act.successor && typeof act.successor === 'object' ? act.successor.short_name || act.successor.celex : act.successor;
  return (
    <article class={`act act-${act.status}`} data-celex={act.celex} aria-labelledby={`act-${act.celex}`}>
      <header class="act-head">
        <h3 id={`act-${act.celex}`}>
          <span class="short">{act.short_name}</span> <span class="act-title">{act.title}</span>
        </h3>
        <div class="act-tags">
          <StatusBadge status={act.status} />
          {act.ce_marking && <span class="tag tag-ce">{t('result.ce')}</span>}
        </div>
      </header>
      <p class="act-dates">
        {act.applies_from && <span>{t('result.appliesFrom', { date: formatDate(lang, act.applies_from) })}</span>}
        {act.applies_until && <span>{t('result.appliesUntil', { date: formatDate(lang, act.applies_until) })}</span>}
        {succ && <span>{t('result.successor', { name: String(succ) })}</span>}
      </p>
      {missingLabel && act.missing_attributes && act.missing_attributes.length > 0 && (
        <p class="missing">
          <strong>{t('result.missing')}:</strong>{' '}
          {act.missing_attributes.map((m, i) => {
            const id = typeof m === 'string' ? m : (m.id ?? m.attribute ?? '');
            const label = typeof m === 'string' ? missingLabel(m) : (m.label ?? missingLabel(id));
            return (
              <span class="missing-attr" key={i}>
                {label}
              </span>
            );
          })}
        </p>
      )}
      <details class="reasons-box">
        <summary>{t('result.why')}</summary>
        <Reasons act={act} />
      </details>
    </article>
  );
}

function Reasons({ act }: { act: ActResult }) {
  return (
    <ul class="reasons">
      {act.reasons.map((r, i) => (
        <li key={i} class={`reason reason-${r.kind} outcome-${r.outcome ?? ''}`}>
          <span class="reason-text">{r.text}</span>
          {citationText(r.citation) && <cite> {citationText(r.citation)}</cite>}
          <Unconfirmed show={r.unconfirmed} />
        </li>
      ))}
    </ul>
  );
}

interface TimelineItem {
  date: string;
  act: ActResult;
  duty?: Obligation;
}

function Timeline({ a, upcoming, dutyActs }: { a: Assessment; upcoming: ActResult[]; dutyActs: ActResult[] }) {
  const { t, lang } = useLang();
  const items: TimelineItem[] = [];
  for (const act of upcoming) if (act.applies_from) items.push({ date: act.applies_from, act });
  for (const act of dutyActs) {
    for (const o of act.obligations ?? []) if (o.status === 'upcoming' && o.from) items.push({ date: o.from, act, duty: o });
  }
  items.sort((x, y) => x.date.localeCompare(y.date) || x.act.short_name.localeCompare(y.act.short_name));
  return (
    <ol class="timeline" aria-label={t('result.timeline')}>
      <li class="tl-item tl-today">
        <time dateTime={a.as_of}>{formatDate(lang, a.as_of)}</time>
        <span class="tl-body">{t('result.timeline.today')}</span>
      </li>
      {items.map((it, i) => (
        <li class="tl-item" key={i}>
          <time dateTime={it.date}>{formatDate(lang, it.date)}</time>
          <span class="tl-body">
            <span class="short">{it.act.short_name}</span>{' '}
            {it.duty ? <span>{it.duty.text}</span> : <span class="act-title">{it.act.title}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}

function useTicks(p: string): [Set<string>, (id: string, on: boolean) => void] {
  const key = `eucomply.ticks.${p.slice(0, 200)}`;
  const [ticks, setTicks] = useState<Set<string>>(() => {
    try {
      return new Set(JSON.parse(localStorage.getItem(key) ?? '[]') as string[]);
    } catch {
      return new Set();
    }
  });
  const set = (id: string, on: boolean) => {
    const n = new Set(ticks);
    if (on) n.add(id);
    else n.delete(id);
    setTicks(n);
    try {
      localStorage.setItem(key, JSON.stringify([...n]));
    } catch {
      /* storage blocked */
    }
  };
  return [ticks, set];
}

function Checklist({ acts, p }: { acts: ActResult[]; p: string }) {
  const { t, lang } = useLang();
  const [ticks, setTick] = useTicks(p);
  const withDuties = acts.filter((x) => (x.obligations ?? []).length > 0);
  if (withDuties.length === 0) return <p class="empty">{t('result.obligations.none')}</p>;
  return (
    <div class="checklist">
      {withDuties.map((act, i) => {
        const duties = act.obligations ?? [];
        const done = duties.filter((o) => ticks.has(`${act.celex}-${o.id}`)).length;
        return (
        <details class="duty-group" key={act.celex} data-celex={act.celex} open={i < 3}>
          <summary>
            <h3 id={`duties-${act.celex}`}>
              <span class="short">{act.short_name}</span> <span class="act-title">{act.title}</span>
            </h3>
            <span class={`tag tag-progress ${done === duties.length ? 'tag-done' : ''}`}>
              {t('result.obligations.progress', { done: formatNumber(lang, done), n: formatNumber(lang, duties.length) })}
            </span>
          </summary>
          <ul class="duties" aria-labelledby={`duties-${act.celex}`}>
            {(act.obligations ?? []).map((o) => {
              const id = `${act.celex}-${o.id}`;
              return (
                <li key={o.id} class={`duty duty-${o.status}`}>
                  <input type="checkbox" id={`tick-${id}`} checked={ticks.has(id)} onChange={(e) => setTick(id, (e.target as HTMLInputElement).checked)} />
                  <label for={`tick-${id}`}>
                    <span class="duty-text">{o.text}</span>
                    <span class="duty-meta">
                      {o.role_name && (
                        <span class="tag tag-role">
                          {t('result.role')}: {o.role_name}
                        </span>
                      )}
                      {o.status !== 'applies' && <StatusBadge status={o.status} />}
                      {o.from && o.status === 'upcoming' && <span class="tag">{t('result.from', { date: formatDate(lang, o.from) })}</span>}
                      {o.modules && o.modules.length > 0 && <span class="tag">{t('result.modules', { m: o.modules.join(', ') })}</span>}
                      {typeof o.notified_body === 'string' && ['required', 'optional', 'not_required', 'depends'].includes(o.notified_body) && (
                        <span class="tag tag-nb">{t(`result.nb.${o.notified_body}` as Key)}</span>
                      )}
                      {(o as { languages?: string }).languages && (
                        <span class="tag">{t('result.languages', { l: (o as { languages?: string }).languages! })}</span>
                      )}
                      <Unconfirmed show={o.unconfirmed} />
                    </span>
                    {citationText(o.citation) && <cite class="duty-cite">{citationText(o.citation)}</cite>}
                    {o.standards && o.standards.length > 0 && (
                      <span class="duty-standards">{o.standards.map((s) => s.ref).join(' · ')}</span>
                    )}
                  </label>
                </li>
              );
            })}
          </ul>
        </details>
        );
      })}
    </div>
  );
}

// The standards of the acts that apply (or will): those the knowledge base lists for each act
// (GET standards) whose presumption of conformity has not ended, plus any an obligation names.
// One table per act; the first is open, the others fold (all open when printing).
function Standards({ acts, asOf }: { acts: ActResult[]; asOf: string }) {
  const { t } = useLang();
  // Per act: the standards that fit the product (the engine's choice, with why), and the
  // standards the act's own duties name when no fit is known; the whole OJ list on request.
  const groups = acts.filter((a) => (a.standards_fit?.length ?? 0) > 0 || a.standards_list || kbStandards(a).length > 0);
  if (groups.length === 0) return <p class="empty">{t('result.standards.none')}</p>;
  return (
    <div class="std-groups">
      <p class="hint">{t('result.standards.fit.lead')}</p>
      {groups.map((act, i) => (
        <StandardGroup key={act.celex} act={act} open={i === 0} asOf={asOf} />
      ))}
    </div>
  );
}

function kbStandards(act: ActResult) {
  const m = new Map<string, { ref: string; title: string; unconfirmed?: boolean }>();
  for (const o of act.obligations ?? []) for (const s of o.standards ?? []) m.set(s.id, { ref: s.ref, title: s.title, unconfirmed: o.unconfirmed });
  return [...m.entries()].sort((x, y) => x[1].ref.localeCompare(y[1].ref, 'en', { numeric: true }));
}

function StandardGroup({ act, open, asOf }: { act: ActResult; open: boolean; asOf: string }) {
  const { t, lang } = useLang();
  const fits = act.standards_fit ?? [];
  const named = fits.length ? [] : kbStandards(act);
  const [all, setAll] = useState<HarmonisedRow[] | null>(null);
  const [err, setErr] = useState<Error | null>(null);
  const loadAll = () => {
    setErr(null);
    harmonisedList(act.short_name, asOf, lang).then((r) => setAll(r.harmonised?.rows ?? []), (e) => setErr(e as Error));
  };
  return (
    <details class="std-group" open={open} data-celex={act.celex}>
      <summary>
        <span class="short">{act.short_name}</span> <span class="act-title">{act.title}</span>{' '}
        <span class="tag">
          {fits.length ? t('result.standards.fit', { n: formatNumber(lang, fits.length) }) : t('result.standards.count', { n: formatNumber(lang, named.length) })}
        </span>
      </summary>
      <div class="table-wrap">
        <table class="standards-table">
          <thead>
            <tr>
              <th scope="col">{t('result.standards.ref')}</th>
              {fits.length > 0 && <th scope="col">{t('result.standards.role')}</th>}
              <th scope="col">{t('result.standards.title')}</th>
            </tr>
          </thead>
          <tbody>
            {fits.map((f) => {
              const r = f.rows[f.rows.length - 1];
              return (
                <tr key={f.ref} data-standard={f.ref} data-role={f.role}>
                  <td class="std-ref">{f.ref}</td>
                  <td>{t(`result.standards.role.${f.role}` as Key)}</td>
                  <td>
                    {f.title} <Unconfirmed show={f.unconfirmed} />
                    <span class="hint std-why">{f.why}</span>
                    {r ? (
                      <span class="hint">
                        {t('result.standards.row', { list: r.list, row: r.row, from: formatDate(lang, r.from) })}
                        {f.rows.filter((x) => x.until).map((x) => ` · ${x.ref}: ${t('result.standards.until', { date: formatDate(lang, x.until) })}`).join('')}
                        {r.superseded_by ? ` · ${t('result.standards.supersededBy', { ref: r.superseded_by })}` : ''}
                      </span>
                    ) : (
                      f.customary && <span class="hint">{t('result.standards.customary')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
            {named.map(([id, s]) => (
              <tr key={id} data-standard={id}>
                <td class="std-ref">{s.ref}</td>
                <td>
                  {s.title} <Unconfirmed show={s.unconfirmed} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {act.standards_list && all === null && (
        <p>
          <button type="button" class="btn btn-quiet" onClick={loadAll} data-testid="std-all">
            {t('result.standards.all', { n: formatNumber(lang, act.standards_list.count) })}
          </button>
        </p>
      )}
      {err && <ErrorBox error={err} retry={loadAll} />}
      {all && (
        <div class="table-wrap">
          <p class="hint">{t('result.standards.all.title', { date: formatDate(lang, asOf) })}</p>
          <table class="standards-table std-all" data-testid="std-all-table">
            <tbody>
              {all.map((r) => (
                <tr key={`${r.list}|${r.row}|${r.decision}`}>
                  <td class="std-ref">{r.ref}</td>
                  <td>
                    {r.title}
                    {r.until && <span class="hint"> · {t('result.standards.until', { date: formatDate(lang, r.until) })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
