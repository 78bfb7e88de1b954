// The duties of the acts that apply (or will), as a checklist by act. The ticks are kept in
// the browser (localStorage), per product address.
import { useState } from 'preact/hooks';
import type { ActResult, Obligation } from '../../api';
import { StatusBadge, Unconfirmed } from '../../components';
import { formatDate, formatNumber } from '../../i18n';
import { useLang } from '../../lang';

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

export function Checklist({ acts, p }: { acts: ActResult[]; p: string }) {
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
              {duties.map((o) => {
                const id = `${act.celex}-${o.id}`;
                return <Duty key={o.id} id={id} o={o} ticked={ticks.has(id)} onTick={(on) => setTick(id, on)} />;
              })}
            </ul>
          </details>
        );
      })}
    </div>
  );
}

// One duty: a checkbox, the text, its tags (role, status, date, modules, notified body,
// languages), the citation and the standards it names.
function Duty({ id, o, ticked, onTick }: { id: string; o: Obligation; ticked: boolean; onTick: (on: boolean) => void }) {
  const { t, lang } = useLang();
  return (
    <li class={`duty duty-${o.status}`}>
      <input type="checkbox" id={`tick-${id}`} checked={ticked} onChange={(e) => onTick((e.target as HTMLInputElement).checked)} />
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
          {o.notified_body && <span class="tag tag-nb">{t(`result.nb.${o.notified_body}`)}</span>}
          {o.languages && <span class="tag">{t('result.languages', { l: o.languages })}</span>}
          <Unconfirmed show={o.unconfirmed} />
        </span>
        {o.citation && <cite class="duty-cite">{o.citation}</cite>}
        {o.standards && o.standards.length > 0 && <span class="duty-standards">{o.standards.map((s) => s.ref).join(' · ')}</span>}
      </label>
    </li>
  );
}
