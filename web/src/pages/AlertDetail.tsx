// #/alert/<case>: one Safety Gate alert, with its parsed measures and references.
import { alertDetail, ApiError, type AlertDetail } from '../api';
import { ErrorBox, Loading, useAsync, useFocusHeading } from '../components';
import { formatDate, type Key } from '../i18n';
import { useLang } from '../lang';
import { href } from '../route';

export function AlertPage({ caseNumber }: { caseNumber: string }) {
  const { lang, t } = useLang();
  const [res, retry] = useAsync(() => alertDetail(caseNumber, lang), `${caseNumber}|${lang}`);
  const h = useFocusHeading(`alert-${caseNumber}`);
  const all = res.data?.alerts ?? [];
  const a = all[0];
  return (
    <div class="alert-detail" aria-busy={res.state === 'loading'}>
      <p class="no-print">
        <a href={href('/alerts')}>← {t('alert.back')}</a>
      </p>
      <h1 tabIndex={-1} ref={h}>
        {t('alert.title', { case: caseNumber })}
        {a && <span class="subtitle">{[a.product, a.name].filter(Boolean).join(' – ')}</span>}
      </h1>
      {res.state === 'error' &&
        (res.error instanceof ApiError && res.error.status === 404 ? (
          <p class="error" role="alert">
            {t('alert.notFound', { case: caseNumber })}
          </p>
        ) : (
          <ErrorBox error={res.error} retry={retry} />
        ))}
      {!a && res.state === 'loading' && <Loading />}
      {res.state === 'ok' && all.length === 0 && (
        <p class="error" role="alert">
          {t('alert.notFound', { case: caseNumber })}
        </p>
      )}
      {all.map((x, i) => (
        <div key={i} class="alert-one">
          {all.length > 1 && (
            <h2 class="alert-one-h">
              {i + 1}/{all.length} · {[x.product, x.name].filter(Boolean).join(' – ')} · {formatDate(lang, x.report_date)}
            </h2>
          )}
          <Detail a={x} />
        </div>
      ))}
    </div>
  );
}

function Row({ k, v }: { k: Key; v?: string | null }) {
  const { t } = useLang();
  if (!v || !v.trim()) return null;
  return (
    <>
      <dt>{t(k)}</dt>
      <dd>{v}</dd>
    </>
  );
}

function Detail({ a }: { a: AlertDetail }) {
  const { t, lang } = useLang();
  const serious = /serious/i.test(a.level);
  return (
    <>
      <p class="hint">{t('alerts.english')}</p>
      <div class="detail-grid">
        <section class="card" aria-labelledby="ad-product">
          <h2 id="ad-product">{t('alert.product')}</h2>
          <dl class="kv">
            <Row k="alert.category" v={a.category} />
            <Row k="alert.product" v={a.product} />
            <Row k="alert.name" v={a.name} />
            <Row k="alert.brand" v={a.brand} />
            <Row k="alert.model" v={a.model} />
            <Row k="alert.batch" v={a.batch} />
            {a.barcodes?.length ? (
              <>
                <dt>{t('alert.barcode')}</dt>
                <dd>
                  {a.barcodes.map((b) => (
                    <span key={b.text} class="barcode">
                      {b.text}
                      {b.valid && <span class="tag"> {t('alert.barcode.valid')}</span>}
                    </span>
                  ))}
                </dd>
              </>
            ) : (
              <Row k="alert.barcode" v={a.barcode} />
            )}
            <Row k="alert.origin" v={a.country_of_origin} />
            <Row k="alert.onlineTrader" v={a.online_trader} />
            <Row k="alert.productionDates" v={a.production_dates} />
            <Row k="alert.description" v={a.description} />
          </dl>
        </section>
        <section class="card" aria-labelledby="ad-risk">
          <h2 id="ad-risk">{t('alert.risk')}</h2>
          <dl class="kv">
            <dt>{t('alert.level')}</dt>
            <dd>
              <span class={`level ${serious ? 'level-serious' : ''}`}>{a.level}</span>
            </dd>
            {a.risk_types?.length ? (
              <>
                <dt>{t('alert.risk')}</dt>
                <dd>
                  {a.risk_types.map((r) => (
                    <span key={r} class="tag tag-risk">
                      {r}
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            <Row k="alert.riskDescription" v={a.risk_description} />
            <Row k="alert.notifying" v={a.notifying_country} />
            <Row k="alert.userType" v={a.user_type} />
            <dt>{t('alert.report')}</dt>
            <dd>{t('alert.reportValue', { date: formatDate(lang, a.report_date), week: a.report_week, year: a.report_year })}</dd>
          </dl>
        </section>
      </div>

      <section class="section" aria-labelledby="ad-measures">
        <h2 id="ad-measures">{t('alert.measures')}</h2>
        {a.measures?.length ? (
          <div class="table-wrap">
            <table class="measures">
              <thead>
                <tr>
                  <th scope="col">{t('alert.measure.what')}</th>
                  <th scope="col">{t('alert.measure.operator')}</th>
                  <th scope="col">{t('alert.measure.kind')}</th>
                  <th scope="col">{t('alert.measure.date')}</th>
                </tr>
              </thead>
              <tbody>
                {a.measures.map((m, i) => (
                  <tr key={i}>
                    <td>{m.category}</td>
                    <td>{m.operator_type}</td>
                    <td>{m.operator_role === 'ordered' ? t('alert.measure.ordered') : t('alert.measure.taking')}</td>
                    <td>{m.date ? formatDate(lang, m.date) : m.date_text && !/unknown/i.test(m.date_text) ? m.date_text : t('alert.measure.unknown')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="empty">{a.measures_text || t('alert.measures.none')}</p>
        )}
      </section>

      <section class="section" aria-labelledby="ad-refs">
        <h2 id="ad-refs">{t('alert.references')}</h2>
        <div class="detail-grid">
          <div>
            <h3>{t('alert.acts')}</h3>
            {a.acts?.length ? (
              <ul class="refs">
                {a.acts.map((x) => (
                  <li key={x.celex}>
                    {x.name} <span class="celex">({x.celex})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t('alert.none')}</p>
            )}
          </div>
          <div>
            <h3>{t('alert.standards')}</h3>
            {a.standards?.length ? (
              <ul class="refs">
                {a.standards.map((s) => (
                  <li key={s}>
                    <a href={href('/alerts', { q: `"${s}"` })}>{s}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t('alert.none')}</p>
            )}
          </div>
        </div>
        <h3>{t('alert.links')}</h3>
        <ul class="refs">
          {a.url && (
            <li>
              <a href={a.url} rel="noopener noreferrer" target="_blank">
                {t('alert.source')}
              </a>
            </li>
          )}
          {a.recall_url && /^https?:/.test(a.recall_url) && (
            <li>
              <a href={a.recall_url} rel="noopener noreferrer" target="_blank">
                {t('alert.recall')}
              </a>
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
