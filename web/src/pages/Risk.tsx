// #/risk?p=<product>&c=<category>: the risk assessment wizard (Delegated Regulation (EU)
// 2024/3173, Annex II), reached from an assessment result. The hazards the Safety Gate alerts
// of such products named are offered first; each chosen hazard becomes one scenario of 3 to 5
// steps with a probability each and a severity. The server (POST /api/v1/risk) does every
// calculation; the page draws its answer: the level, the 4 x 8 grid with the cell of each
// scenario, the presumptions of serious risk, and the sensitivity analysis as a chart.
import { useState } from 'preact/hooks';
import {
  ApiError,
  assessRisk,
  riskLibrary,
  type Level,
  type RiskDoc,
  type RiskLibrary,
  type RiskResult,
  type RiskScenarioDoc,
  type UserGroup,
} from '../api';
import { ErrorBox, Loading, useAsync, useFocusHeading } from '../components';
import type { Key } from '../i18n';
import { useLang } from '../lang';
import { decodeProduct, href } from '../route';

const LEVEL_RANK: Record<Level, number> = { low: 0, medium: 1, high: 2, serious: 3 };
const GROUPS: readonly UserGroup[] = ['child', 'adult', 'older_person', 'person_with_disability'];
const FACTS = ['users_can_protect', 'users_informed', 'operator_says_serious', 'voluntary_measure', 'banned_substance'] as const;

function newScenario(lib: RiskLibrary, id: string): RiskScenarioDoc {
  const h = lib.hazards.find((x) => x.id === id);
  const steps = (h?.steps ?? []).slice(0, 5).map((text) => ({ text, probability: '' }));
  while (steps.length < 3) steps.push({ text: '', probability: '' });
  return { hazard: id, severity: h?.severity ?? 2, steps };
}

export function RiskPage({ p, c }: { p: string | null; c: string | null }) {
  const { lang, t } = useLang();
  const doc = decodeProduct(p);
  const [lib, retryLib] = useAsync(
    () => (doc ? riskLibrary(doc, c, lang) : Promise.reject(new Error(t('risk.noProduct')))),
    `${p}|${c}|${lang}`,
  );
  const h = useFocusHeading(`risk-${p}`);
  const [group, setGroup] = useState<UserGroup>('adult');
  const [age, setAge] = useState('');
  const [facts, setFacts] = useState<Record<string, '' | 'yes' | 'no'>>({});
  const [scenarios, setScenarios] = useState<RiskScenarioDoc[]>([]);
  const [pick, setPick] = useState('');
  const [result, setResult] = useState<RiskResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [resultLang, setResultLang] = useState(lang);

  const L = lib.data;
  const name = doc?.name || doc?.text || '';

  const riskDoc = (): RiskDoc => {
    const product = { ...(doc ?? {}) };
    delete (product as { skip?: unknown }).skip;
    if (c && !product.category) product.category = c;
    const d: RiskDoc = { product, scenarios };
    const u: RiskDoc['user'] = { group };
    if (group === 'child' && /^\d+$/.test(age.trim())) u.age_months = Number(age.trim());
    d.user = u;
    const f: Record<string, boolean> = {};
    for (const k of FACTS) if (facts[k]) f[k] = facts[k] === 'yes';
    if (Object.keys(f).length) d.facts = f;
    return d;
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await assessRisk(riskDoc(), lang));
      setResultLang(lang);
    } catch (e) {
      setResult(null);
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    try {
      const r = await assessRisk(riskDoc(), lang, true);
      const blob = new Blob([r.report ?? ''], { type: 'text/markdown;charset=utf-8' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `risk-assessment-${lang}.md`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      setError(e as Error);
    }
  };

  const update = (i: number, f: (s: RiskScenarioDoc) => RiskScenarioDoc) => {
    setScenarios((all) => all.map((s, k) => (k === i ? f(s) : s)));
    setResult(null);
  };
  const add = (id: string) => {
    if (!L || !id || scenarios.some((s) => s.hazard === id)) return;
    setScenarios((all) => [...all, newScenario(L, id)]);
    setResult(null);
  };
  const hazardName = (id: string) => L?.hazards.find((x) => x.id === id)?.name ?? id;

  return (
    <div class="risk" aria-busy={lib.state === 'loading' || busy}>
      <p class="no-print">
        <a href={href('/assess', { p: p ?? '' })}>← {t('risk.back')}</a>
      </p>
      <h1 tabIndex={-1} ref={h}>
        {t('risk.title')}
      </h1>
      {name && <p class="subtitle-line">{t('lessons.for', { name })}</p>}
      <p class="lead">{t('risk.lead')}</p>
      {lib.state === 'error' && <ErrorBox error={lib.error} retry={retryLib} />}
      {!L && lib.state === 'loading' && <Loading />}
      {L && (
        <>
          <section class="card no-print" aria-labelledby="risk-user">
            <h2 id="risk-user">{t('risk.user')}</h2>
            <div class="risk-row">
              <label>
                {t('risk.user.group')}
                <select
                  value={group}
                  onChange={(e) => setGroup(GROUPS.find((g) => g === (e.target as HTMLSelectElement).value) ?? 'adult')}
                  data-testid="risk-user-group"
                >
                  {GROUPS.map((g) => (
                    <option key={g} value={g}>
                      {t(`risk.group.${g}` as Key)}
                    </option>
                  ))}
                </select>
              </label>
              {group === 'child' && (
                <label>
                  {t('risk.user.age')}
                  <input type="text" inputMode="numeric" value={age} size={5} data-testid="risk-user-age"
                    onInput={(e) => setAge((e.target as HTMLInputElement).value)} />
                </label>
              )}
            </div>
            <details class="risk-facts">
              <summary>{t('risk.facts')}</summary>
              <p class="hint">{t('risk.facts.lead')}</p>
              {FACTS.map((f) => (
                <label key={f} class="risk-fact">
                  {t(`risk.fact.${f}` as Key)}
                  <select value={facts[f] ?? ''} onChange={(e) => setFacts({ ...facts, [f]: (e.target as HTMLSelectElement).value as '' | 'yes' | 'no' })}>
                    <option value="">{t('intake.unsure')}</option>
                    <option value="yes">{t('intake.yes')}</option>
                    <option value="no">{t('intake.no')}</option>
                  </select>
                </label>
              ))}
            </details>
          </section>

          <section class="card no-print" aria-labelledby="risk-hazards">
            <h2 id="risk-hazards">{t('risk.hazards')}</h2>
            {L.suggested.length > 0 ? (
              <>
                <p class="hint">
                  {t('risk.suggested.lead', { category: L.suggested_from?.category_name ?? '', n: L.suggested_from?.alerts ?? 0 })}
                </p>
                <ul class="risk-suggested" data-testid="risk-suggested">
                  {L.suggested.map((s) => (
                    <li key={s.hazard} data-hazard={s.hazard}>
                      <button type="button" class="btn" disabled={scenarios.some((x) => x.hazard === s.hazard)} onClick={() => add(s.hazard)}>
                        + {s.name}
                      </button>{' '}
                      <span class="hint">
                        {t('risk.suggested.share', { pct: Math.round(100 * s.share), n: s.alerts })}{' '}
                        {s.examples.slice(0, 2).map((cs) => (
                          <a key={cs} class="tag" href={href(`/alert/${encodeURIComponent(cs)}`)}>
                            {cs}
                          </a>
                        ))}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p class="hint">{t('risk.suggested.none')}</p>
            )}
            <div class="risk-row">
              <label>
                {t('risk.other')}
                <select value={pick} onChange={(e) => setPick((e.target as HTMLSelectElement).value)} data-testid="risk-other-hazard">
                  <option value="">—</option>
                  {L.hazards.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.group_name ? `${x.group_name}: ` : ''}
                      {x.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class="btn" disabled={!pick} onClick={() => add(pick)}>
                {t('risk.add')}
              </button>
            </div>
          </section>

          {scenarios.map((s, i) => (
            <section key={s.hazard} class="card risk-scenario no-print" data-testid="risk-scenario" data-hazard={s.hazard} aria-labelledby={`rs-${i}`}>
              <h2 id={`rs-${i}`}>
                {t('risk.scenario', { n: i + 1 })}: {hazardName(s.hazard)}
              </h2>
              <p class="hint">{t('risk.steps.lead')}</p>
              <ol class="risk-steps">
                {s.steps.map((st, k) => (
                  <li key={k}>
                    <input type="text" class="risk-step-text" aria-label={t('risk.step.text', { n: k + 1 })} value={st.text}
                      onInput={(e) => update(i, (x) => ({ ...x, steps: x.steps.map((y, j) => (j === k ? { ...y, text: (e.target as HTMLInputElement).value } : y)) }))} />
                    <input type="text" class="risk-step-p" aria-label={t('risk.step.p', { n: k + 1 })} placeholder="1/100" value={st.probability}
                      onInput={(e) => update(i, (x) => ({ ...x, steps: x.steps.map((y, j) => (j === k ? { ...y, probability: (e.target as HTMLInputElement).value } : y)) }))} />
                  </li>
                ))}
              </ol>
              <div class="risk-row">
                <button type="button" class="btn btn-quiet" disabled={s.steps.length >= 5}
                  onClick={() => update(i, (x) => ({ ...x, steps: [...x.steps, { text: '', probability: '' }] }))}>
                  {t('risk.step.add')}
                </button>
                <button type="button" class="btn btn-quiet" disabled={s.steps.length <= 3}
                  onClick={() => update(i, (x) => ({ ...x, steps: x.steps.slice(0, -1) }))}>
                  {t('risk.step.remove')}
                </button>
                <label>
                  {t('risk.severity')}
                  <select class="risk-severity" value={String(s.severity ?? 2)}
                    onChange={(e) => update(i, (x) => ({ ...x, severity: Number((e.target as HTMLSelectElement).value) }))}>
                    {L.severities.map((v) => (
                      <option key={v.severity} value={String(v.severity)}>
                        {v.severity} – {v.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <input type="checkbox" checked={s.defective_component === true}
                    onChange={(e) => update(i, (x) => ({ ...x, defective_component: (e.target as HTMLInputElement).checked || undefined }))} />{' '}
                  {t('risk.defective')}
                </label>
                <button type="button" class="btn btn-quiet" onClick={() => { setScenarios((all) => all.filter((_, k) => k !== i)); setResult(null); }}>
                  {t('risk.remove')}
                </button>
              </div>
            </section>
          ))}

          <p class="no-print">
            <button type="button" class="btn btn-primary" disabled={scenarios.length === 0 || busy} onClick={run} data-testid="risk-run">
              {t('risk.run')}
            </button>
          </p>
          {error && <RiskError error={error} />}
          {result && <RiskResultView r={result} lib={L} stale={resultLang !== lang} onDownload={download} />}
        </>
      )}
    </div>
  );
}

function RiskError({ error }: { error: Error }) {
  const { t } = useLang();
  const details = error instanceof ApiError ? error.details : [];
  if (!details.length) return <ErrorBox error={error} />;
  return (
    <div class="error" role="alert" data-testid="risk-errors">
      <h2>{t('risk.errors')}</h2>
      <ul>
        {details.map((d, i) => (
          <li key={i}>
            {d.pointer ? <code>{d.pointer}</code> : null} {d.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RiskResultView({ r, lib, stale, onDownload }: { r: RiskResult; lib: RiskLibrary; stale: boolean; onDownload: () => void }) {
  const { t } = useLang();
  return (
    <section class="risk-result" aria-labelledby="risk-result-h" data-testid="risk-result">
      <h2 id="risk-result-h">{t('risk.result')}</h2>
      {stale && <p class="hint">{t('risk.stale')}</p>}
      <p class={`risk-level level-${r.outcome}`} data-testid="risk-level" data-level={r.outcome}>
        {r.outcome_name}
      </p>
      {r.presumption.applies ? (
        <div class="card">
          <h3>{t('risk.presumed')}</h3>
          <ul>
            {r.presumption.grounds.map((g) => (
              <li key={g.point} data-point={g.point}>
                <strong>{t('risk.annex', { point: g.point })}</strong> {g.summary}
              </li>
            ))}
          </ul>
          <p class="hint">{t('risk.byAssessment', { level: r.level_name })}</p>
        </div>
      ) : null}
      {r.presumption.possible.length > 0 && (
        <details class="card">
          <summary>{t('risk.possible', { n: r.presumption.possible.length })}</summary>
          <ul>
            {r.presumption.possible.map((g) => (
              <li key={g.point}>
                <strong>{t('risk.annex', { point: g.point })}</strong> {g.summary}
                {g.missing?.length ? <span class="hint"> — {g.missing.join('; ')}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      )}

      <table class="risk-scenarios">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('risk.hazard')}</th>
            <th scope="col">{t('risk.probability')}</th>
            <th scope="col">{t('risk.band')}</th>
            <th scope="col">{t('risk.severity')}</th>
            <th scope="col">{t('risk.level')}</th>
          </tr>
        </thead>
        <tbody>
          {r.scenarios.map((s, i) => (
            <tr key={i} data-testid="risk-scenario-result" data-level={s.level}>
              <td>{i + 1}</td>
              <td>{s.hazard_name}</td>
              <td class="num">{s.probability}</td>
              <td>
                {s.band_range} ({s.band_name}){s.on_boundary ? ' *' : ''}
              </td>
              <td>
                {s.severity} – {s.severity_name}
              </td>
              <td class={`level-${s.level}`}>{s.level_name}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <Matrix r={r} lib={lib} />
      <SensitivityChart r={r} />

      <ul class="hint risk-notes">
        {r.notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <p class="no-print">
        <button type="button" class="btn" onClick={() => print()}>
          {t('risk.print')}
        </button>{' '}
        <button type="button" class="btn" onClick={onDownload} data-testid="risk-download">
          {t('risk.download')}
        </button>
      </p>
    </section>
  );
}

// The grid of Annex II 3.6.2: four columns (severity 1-4), eight rows (probability bands);
// the cell of each scenario is marked with its number.
function Matrix({ r, lib }: { r: RiskResult; lib: RiskLibrary }) {
  const { t } = useLang();
  const levelName = (l: Level) => t(`risk.lv.${l}` as Key);
  return (
    <figure class="card risk-matrix-box">
      <figcaption>{t('risk.matrix')}</figcaption>
      <table class="risk-matrix" data-testid="risk-matrix">
        <thead>
          <tr>
            <th scope="col">{t('risk.probability')}</th>
            {lib.severities.map((s) => (
              <th key={s.severity} scope="col">
                {s.severity} – {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lib.bands.map((b) => (
            <tr key={b.band}>
              <th scope="row">
                {b.range} <span class="hint">{b.name}</span>
              </th>
              {lib.severities.map((s) => {
                const level = lib.matrix[b.band][s.severity - 1];
                const hits = r.scenarios.map((x, i) => (x.band === b.band && x.severity === s.severity ? i + 1 : 0)).filter((n) => n > 0);
                return (
                  <td key={s.severity} class={`cell level-${level}${hits.length ? ' hit' : ''}`} data-band={b.band} data-severity={s.severity}
                    data-level={level} data-scenarios={hits.join(',')} data-testid={hits.length ? 'matrix-hit' : undefined}>
                    <span class="cell-level">{levelName(level)}</span>
                    {hits.length > 0 && (
                      <span class="cell-hits" aria-label={t('risk.cellHits', { list: hits.join(', ') })}>
                        {hits.map((n) => `#${n}`).join(' ')}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

// The sensitivity analysis as a bar chart: one bar per change, its length the level it gives
// (low ... serious), a line at the scenario's own level; a bar that crosses it changes the result.
function SensitivityChart({ r }: { r: RiskResult }) {
  const { t } = useLang();
  if (!r.sensitivity.length) return null;
  return (
    <figure class="card risk-sensitivity" data-testid="sensitivity-chart">
      <figcaption>{t('risk.sensitivity')}</figcaption>
      <p class="hint">{t('risk.sensitivity.lead')}</p>
      <div class="sens-rows" role="list">
        {r.sensitivity.map((v, i) => {
          const base = LEVEL_RANK[r.scenarios[v.scenario].level];
          return (
            <div key={i} class={`sens-row${v.changes_level ? ' changes' : ''}`} role="listitem" data-level={v.level} data-changes={String(v.changes_level)}>
              <span class="sens-label">
                #{v.scenario + 1} {v.change}
              </span>
              <span class="sens-track">
                <span class={`sens-bar level-${v.level}`} style={{ width: `${25 * (LEVEL_RANK[v.level] + 1)}%` }} />
                <span class="sens-base" style={{ left: `${25 * (base + 1)}%` }} aria-hidden="true" />
              </span>
              <span class="sens-value">
                {v.level_name} <span class="hint">({v.probability}, {t('risk.severity')} {v.severity})</span>
              </span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
