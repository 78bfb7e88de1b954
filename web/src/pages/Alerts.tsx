// #/alerts?q=&category=&risk=&origin=&level=&year=: search the Safety Gate alerts with facets,
// list the results, and chart them (alerts per year, top risks of a category, share by origin).
import { useEffect, useState } from 'preact/hooks';
import { alertsCsvHref, health, monthlyAlerts, searchAlerts, type FacetCount, type SearchParams, type SearchResult } from '../api';
import { ChartBox, type Point } from '../charts';
import { ErrorBox, Loading, useAsync, useFocusHeading } from '../components';
import { formatDate, formatNumber, type Key } from '../i18n';
import { useLang } from '../lang';
import { href, navigate } from '../route';

export const FACETS = ['category', 'risk', 'origin', 'year', 'level'] as const;
type FacetName = (typeof FACETS)[number];
const PAGE = 20; // hits per page (the API allows up to 100)

type Params = SearchParams & { page: number };

function paramsFrom(u: URLSearchParams): Params {
  const p: Params = { q: u.get('q') ?? '', page: Math.max(1, Math.floor(Number(u.get('page'))) || 1) };
  for (const f of FACETS) p[f] = u.getAll(f);
  return p;
}

function toHref(p: SearchParams & { page?: number }): string {
  const o: Record<string, string | string[] | undefined> = { q: p.q };
  for (const f of FACETS) o[f] = p[f];
  if (p.page && p.page > 1) o.page = String(p.page);
  return href('/alerts', o);
}

// The newest report in the store, and a warning when it is old.
function DataAsOf() {
  const { lang, t } = useLang();
  const [h] = useAsync(() => health(lang), `health|${lang}`);
  const a = h.data?.alerts;
  if (!a?.data_as_of) return null;
  return (
    <p class={a.stale ? 'notice warn' : 'hint'} data-testid="data-as-of">
      {t('alerts.asOf', { date: formatDate(lang, a.data_as_of) })}
      {a.stale ? ` ${t('alerts.stale')}` : ''}
    </p>
  );
}

export function Alerts({ params }: { params: URLSearchParams }) {
  const { lang, t } = useLang();
  const p = paramsFrom(params);
  const key = toHref(p);
  const [res, retry] = useAsync(() => searchAlerts({ ...p, limit: PAGE, offset: (p.page - 1) * PAGE }, lang), `${key}|${lang}`);
  const [text, setText] = useState(p.q ?? '');
  useEffect(() => setText(p.q ?? ''), [p.q]);
  const h = useFocusHeading('alerts');

  const set = (f: FacetName, values: string[]) => navigate(toHref({ ...p, [f]: values, page: 1 }));
  const submit = (e: Event) => {
    e.preventDefault();
    navigate(toHref({ ...p, q: text.trim(), page: 1 }));
  };
  const anyFilter = FACETS.some((f) => (p[f] ?? []).length > 0);
  const r = res.data;

  return (
    <div class="alerts">
      <h1 tabIndex={-1} ref={h}>
        {t('alerts.title')}
      </h1>
      <p class="lead">{t('alerts.lead')}</p>
      <DataAsOf />
      <form class="search" role="search" onSubmit={submit}>
        <label for="alert-q">{t('alerts.search')}</label>
        <div class="search-row">
          <input
            id="alert-q"
            type="search"
            name="q"
            value={text}
            placeholder={t('alerts.search.placeholder')}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="btn btn-primary">
            {t('alerts.search.button')}
          </button>
        </div>
        <p class="hint">{t('alerts.search.syntax')}</p>
      </form>
      {anyFilter && (
        <ul class="active-filters" aria-label={t('alerts.filters')}>
          {FACETS.flatMap((f) =>
            (p[f] ?? []).map((v) => {
              const label = r?.facets?.[f]?.find((c) => c.value === v)?.label ?? v;
              return (
                <li key={`${f}-${v}`}>
                  <button
                    type="button"
                    class="chip"
                    aria-label={t('alerts.removeFilter', { f: `${t(`alerts.facet.${f}` as Key)}: ${label}` })}
                    onClick={() => set(f, (p[f] ?? []).filter((x) => x !== v))}
                  >
                    {t(`alerts.facet.${f}` as Key)}: {label} <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            }),
          )}
          <li>
            <a class="link-btn" href={toHref({ q: p.q })}>
              {t('alerts.clear')}
            </a>
          </li>
        </ul>
      )}
      <div class="alerts-layout">
        <aside class="facets" aria-label={t('alerts.filters')}>
          <h2 class="sr-only">{t('alerts.filters')}</h2>
          {r &&
            FACETS.map((f) => (
              <FacetBox key={f} name={f} counts={r.facets?.[f] ?? []} selected={p[f] ?? []} onChange={(v) => set(f, v)} />
            ))}
        </aside>
        <div class="alerts-main" aria-busy={res.state === 'loading'}>
          {res.state === 'error' && <ErrorBox error={res.error} retry={retry} />}
          {!r && res.state === 'loading' && <Loading />}
          {r && <Results r={r} p={p} />}
          {r && r.total > 0 && (
            <p>
              <a class="btn btn-quiet" href={alertsCsvHref(p)} download="safety-gate-alerts.csv" data-testid="alerts-csv">
                {t('alerts.csv', { n: r.total })}
              </a>{' '}
              <a class="btn btn-quiet" href={alertsCsvHref(p, 'xlsx')} download="safety-gate-alerts.xlsx" data-testid="alerts-xlsx">
                {t('alerts.xlsx')}
              </a>
            </p>
          )}
        </div>
      </div>
      {r && r.total > 0 && <AlertCharts r={r} p={p} />}
    </div>
  );
}

function FacetBox({ name, counts, selected, onChange }: { name: FacetName; counts: FacetCount[]; selected: string[]; onChange: (v: string[]) => void }) {
  const { t, lang } = useLang();
  const [all, setAll] = useState(false);
  let list = counts;
  if (name === 'year') list = [...counts].sort((a, b) => b.value.localeCompare(a.value));
  // Selected values stay visible even when the current results do not count them.
  for (const s of selected) if (!list.some((c) => c.value === s)) list = [{ value: s, label: s, count: 0 }, ...list];
  const shown = all ? list : list.slice(0, 8);
  return (
    <fieldset class="facet" data-facet={name}>
      <legend>{t(`alerts.facet.${name}` as Key)}</legend>
      <ul>
        {shown.map((c) => {
          const id = `f-${name}-${c.value}`.replace(/[^a-zA-Z0-9_-]/g, '_');
          return (
            <li key={c.value}>
              <input
                type="checkbox"
                id={id}
                checked={selected.includes(c.value)}
                onChange={(e) => onChange((e.target as HTMLInputElement).checked ? [...selected, c.value] : selected.filter((x) => x !== c.value))}
              />
              <label for={id}>
                <span class="facet-label">{c.label || c.value}</span> <span class="facet-count">{formatNumber(lang, c.count)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {list.length > 8 && (
        <button type="button" class="link-btn" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('alerts.facet.less') : t('alerts.facet.more', { n: formatNumber(lang, list.length - 8) })}
        </button>
      )}
    </fieldset>
  );
}

function Results({ r, p }: { r: SearchResult; p: Params }) {
  const { lang, t } = useLang();
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h" class="results-count" role="status">
        {r.total === 1 ? t('alerts.results.one') : t('alerts.results', { n: formatNumber(lang, r.total) })}
      </h2>
      <p class="hint">{t('alerts.english')}</p>
      {r.expanded_from && r.expanded_from.length > 0 && (
        <p class="notice" data-testid="expanded-query">
          {t('alerts.expanded', {
            terms: r.expanded_from.map((x) => `${x.zh} → ${x.en.slice(0, 4).join(', ')}`).join('; '),
          })}
        </p>
      )}
      {r.total === 0 ? (
        <p class="empty">{t('alerts.none')}</p>
      ) : (
        <>
          <ul class="hits">
            {r.hits.map((h, i) => (
              <li key={`${h.case_number}-${i}`} class="hit" data-case={h.case_number}>
                <a href={href(`/alert/${encodeURIComponent(h.case_number)}`)} class="hit-title">
                  {[h.product, h.name].filter(Boolean).join(' – ') || h.case_number}
                  {h.brand && h.brand.toLowerCase() !== 'unknown' ? <span class="brand"> [{h.brand}]</span> : null}
                </a>
                <span class="hit-meta">
                  <span class="case">{h.case_number}</span>
                  <span>{formatDate(lang, h.report_date)}</span>
                  <span class="hit-category">{h.category}</span>
                  {h.risk_type && <span class="hit-risk">{h.risk_type}</span>}
                  {h.country_of_origin && <span class="hit-origin">{h.country_of_origin}</span>}
                  {h.level && <span class={`level ${/serious/i.test(h.level) ? 'level-serious' : ''}`}>{h.level}</span>}
                </span>
              </li>
            ))}
          </ul>
          <nav class="pager" aria-label={t('alerts.pages')}>
            <p class="showing">
              {t('alerts.showing', {
                a: `${formatNumber(lang, (p.page - 1) * PAGE + 1)}–${formatNumber(lang, (p.page - 1) * PAGE + r.hits.length)}`,
                n: formatNumber(lang, r.total),
              })}
            </p>
            {p.page > 1 && (
              <a class="btn" rel="prev" href={toHref({ ...p, page: p.page - 1 })}>
                ← {t('alerts.prev')}
              </a>
            )}
            {(p.page - 1) * PAGE + r.hits.length < r.total && (
              <a class="btn" rel="next" href={toHref({ ...p, page: p.page + 1 })}>
                {t('alerts.next')} →
              </a>
            )}
          </nav>
        </>
      )}
    </section>
  );
}

function top(counts: FacetCount[], n: number, other: string, total?: number): Point[] {
  const pts = counts.slice(0, n).map((c) => ({ label: c.label || c.value, value: c.count }));
  const rest = (total ?? counts.reduce((s, c) => s + c.count, 0)) - pts.reduce((s, c) => s + c.value, 0);
  if (rest > 0) pts.push({ label: other, value: rest });
  return pts;
}

function AlertCharts({ r, p }: { r: SearchResult; p: SearchParams }) {
  const { t, lang } = useLang();
  const years = [...(r.facets?.year ?? [])].sort((a, b) => a.value.localeCompare(b.value)).map((c) => ({ label: c.label || c.value, value: c.count }));
  const categories = r.facets?.category ?? [];
  const [cat, setCat] = useState('');
  const chosen = categories.some((c) => c.value === cat) ? cat : (categories[0]?.value ?? '');
  const filterCats = (p.category ?? []).length ? p.category! : [];
  const [risks] = useAsync(
    () =>
      chosen
        ? searchAlerts({ ...p, category: filterCats.includes(chosen) ? filterCats : [chosen], limit: 1 }, lang).then((x) => x.facets?.risk ?? [])
        : Promise.resolve([] as FacetCount[]),
    `${JSON.stringify(p)}|${chosen}|${lang}`,
  );
  const [months] = useAsync(() => monthlyAlerts(p, lang).then((x) => x.facets?.month ?? []), `months|${JSON.stringify(p)}|${lang}`);
  // The last 36 months with alerts (a longer series is unreadable as bars).
  const monthly = (months.data ?? []).slice(-36).map((c) => ({ label: c.value, value: c.count }));
  return (
    <section class="section charts" aria-labelledby="charts-h" id="charts">
      <h2 id="charts-h">{t('charts.title')}</h2>
      <p class="hint">{t('charts.scope')}</p>
      <div class="chart-grid">
        <ChartBox id="per-year" kind="bar" title={t('charts.perYear')} data={years} valueLabel={t('charts.count')} />
        {monthly.length > 1 && <ChartBox id="per-month" kind="bar" title={t('charts.perMonth')} data={monthly} valueLabel={t('charts.count')} />}
        <ChartBox id="by-origin" kind="doughnut" title={t('charts.byOrigin')} data={top(r.facets?.origin ?? [], 7, t('charts.other'), r.total)} valueLabel={t('charts.count')} />
        <div class="chart-with-control">
          <div class="field field-inline">
            <label for="risk-cat">{t('charts.topRisks.category')}</label>
            <select id="risk-cat" value={chosen} onChange={(e) => setCat((e.target as HTMLSelectElement).value)}>
              {categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label || c.value} ({formatNumber(lang, c.count)})
                </option>
              ))}
            </select>
          </div>
          <ChartBox id="top-risks" kind="hbar" title={`${t('charts.topRisks')}: ${categories.find((c) => c.value === chosen)?.label ?? chosen}`} data={(risks.data ?? []).slice(0, 8).map((c) => ({ label: c.label || c.value, value: c.count }))} valueLabel={t('charts.count')} />
        </div>
      </div>
    </section>
  );
}
