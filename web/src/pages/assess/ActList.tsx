// Acts as cards: the act, its status and dates, what it still needs to know (undetermined
// acts) and why the engine decided so.
import type { ActResult } from '../../api';
import { StatusBadge, Unconfirmed } from '../../components';
import { formatDate } from '../../i18n';
import { useLang } from '../../lang';

export function ActList({ acts, missingLabel }: { acts: ActResult[]; missingLabel?: (id: string) => string }) {
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
  const succ = act.successor && (act.successor.short_name || act.successor.celex);
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
        {succ && <span>{t('result.successor', { name: succ })}</span>}
      </p>
      {missingLabel && act.missing_attributes && act.missing_attributes.length > 0 && (
        <p class="missing">
          <strong>{t('result.missing')}:</strong>{' '}
          {act.missing_attributes.map((id, i) => (
            <span class="missing-attr" key={i}>
              {missingLabel(id)}
            </span>
          ))}
        </p>
      )}
      <details class="reasons-box">
        <summary>{t('result.why')}</summary>
        <Reasons act={act} />
      </details>
    </article>
  );
}

export function Reasons({ act }: { act: ActResult }) {
  return (
    <ul class="reasons">
      {act.reasons.map((r, i) => (
        <li key={i} class={`reason reason-${r.kind} outcome-${r.outcome ?? ''}`}>
          <span class="reason-text">{r.text}</span>
          {r.citation && <cite> {r.citation}</cite>}
          <Unconfirmed show={r.unconfirmed} />
        </li>
      ))}
    </ul>
  );
}
