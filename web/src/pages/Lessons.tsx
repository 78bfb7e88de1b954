// #/lessons?p=<product>: past Safety Gate alerts like the assessed product, and what they teach.
import { lessons, type Tally } from '../api';
import { ErrorBox, Loading, useAsync, useFocusHeading } from '../components';
import type { Key } from '../i18n';
import { formatDate } from '../i18n';
import { useLang } from '../lang';
import { decodeProduct, href } from '../route';

export function LessonsPage({ p }: { p: string | null }) {
  const { lang, t } = useLang();
  const doc = decodeProduct(p);
  const [res, retry] = useAsync(() => (doc ? lessons(doc, lang) : Promise.reject(new Error('no product'))), `${p}|${lang}`);
  const h = useFocusHeading(`lessons-${p}`);
  const l = res.data;
  const name = l?.product?.name || doc?.name || doc?.text || '';
  return (
    <div class="lessons" aria-busy={res.state === 'loading'}>
      <p class="no-print">
        <a href={href('/assess', { p: p ?? '' })}>← {t('lessons.back')}</a>
      </p>
      <h1 tabIndex={-1} ref={h}>
        {t('lessons.title')}
      </h1>
      {name && <p class="subtitle-line">{t('lessons.for', { name })}</p>}
      {res.state === 'error' && <ErrorBox error={res.error} retry={retry} />}
      {!l && res.state === 'loading' && <Loading />}
      {l && (
        <>
          <p class="lead">
            {t('lessons.basis', { n: l.alerts.length, m: l.matching })} <span class="hint">{t('lessons.english')}</span>
          </p>
          {l.alerts.length === 0 ? (
            <p class="empty">{t('lessons.none')}</p>
          ) : (
            <>
              {l.checklist.length > 0 && (
                <section class="card" aria-labelledby="ls-check">
                  <h2 id="ls-check">{t('lessons.checklist')}</h2>
                  <ul class="duties lesson-checklist">
                    {l.checklist.map((c, i) => (
                      <li key={i} class="duty">
                        <input type="checkbox" id={`lc-${i}`} />
                        <label for={`lc-${i}`}>
                          <span class="duty-text">{c.text}</span>
                          <span class="duty-meta">
                            {c.cases.slice(0, 3).map((cs) => (
                              <a key={cs} class="tag" href={href(`/alert/${encodeURIComponent(cs)}`)}>
                                {cs}
                              </a>
                            ))}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <div class="tally-grid">
                {(['risks', 'standards', 'acts', 'defects', 'measures'] as const).map((k) =>
                  l[k].length ? <TallyList key={k} title={t(`lessons.${k}` as Key)} items={l[k]} /> : null,
                )}
              </div>
              <section class="section" aria-labelledby="ls-alerts">
                <h2 id="ls-alerts">{t('lessons.alerts')}</h2>
                <ul class="hits">
                  {l.alerts.map((a) => (
                    <li key={a.case_number} class="hit">
                      <a href={href(`/alert/${encodeURIComponent(a.case_number)}`)} class="hit-title">
                        {a.title || a.case_number}
                      </a>
                      <span class="hit-meta">
                        <span class="case">{a.case_number}</span> · {formatDate(lang, a.report_date)} · {a.category}
                        {a.risks.length ? ` · ${a.risks.join(', ')}` : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}

function TallyList({ title, items }: { title: string; items: Tally[] }) {
  const { t } = useLang();
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <section class="card tally" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <span class="tally-label">{i.label}</span>
            <span class="tally-bar" aria-hidden="true">
              <span style={{ width: `${(100 * i.count) / max}%` }} />
            </span>
            <span class="tally-count">{t('lessons.count', { n: i.count })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
