// The standards of the acts that apply (or will): those the knowledge base lists for each act
// (GET standards) whose presumption of conformity has not ended, plus any an obligation names.
// One table per act; the first is open, the others fold (all open when printing).
import { useState } from 'preact/hooks';
import { type ActResult, harmonisedList, type HarmonisedRow, type StandardFit } from '../../api';
import { ErrorBox, Unconfirmed } from '../../components';
import { formatDate, formatNumber, type Key } from '../../i18n';
import { useLang } from '../../lang';

export function Standards({ acts, asOf }: { acts: ActResult[]; asOf: string }) {
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

// The standards the act's duties name, by id, sorted by reference.
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
            {fits.map((f) => (
              <FitRow key={f.ref} f={f} />
            ))}
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
      {all && <AllStandards rows={all} asOf={asOf} />}
    </details>
  );
}

// A standard that fits the product: its role, why it fits, and its Official Journal listing.
function FitRow({ f }: { f: StandardFit }) {
  const { t, lang } = useLang();
  const r = f.rows[f.rows.length - 1];
  return (
    <tr data-standard={f.ref} data-role={f.role}>
      <td class="std-ref">{f.ref}</td>
      <td>{t(`result.standards.role.${f.role}` as Key)}</td>
      <td>
        {f.title} <Unconfirmed show={f.unconfirmed} />
        <span class="hint std-why">{f.why}</span>
        {r ? (
          <span class="hint">
            {t('result.standards.row', { list: r.list, row: r.row, from: formatDate(lang, r.from) })}
            {f.rows
              .filter((x) => x.until)
              .map((x) => ` · ${x.ref}: ${t('result.standards.until', { date: formatDate(lang, x.until) })}`)
              .join('')}
            {r.superseded_by ? ` · ${t('result.standards.supersededBy', { ref: r.superseded_by })}` : ''}
          </span>
        ) : (
          f.customary && <span class="hint">{t('result.standards.customary')}</span>
        )}
      </td>
    </tr>
  );
}

// The act's whole Official Journal list on the date of the assessment.
function AllStandards({ rows, asOf }: { rows: HarmonisedRow[]; asOf: string }) {
  const { t, lang } = useLang();
  return (
    <div class="table-wrap">
      <p class="hint">{t('result.standards.all.title', { date: formatDate(lang, asOf) })}</p>
      <table class="standards-table std-all" data-testid="std-all-table">
        <tbody>
          {rows.map((r) => (
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
  );
}
