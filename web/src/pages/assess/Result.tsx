// The result of an assessment, section by section: the summary (with the product's facts),
// the acts that apply, what is coming (timeline), the undetermined acts, the duties as a
// checklist, the standards, links to lessons and risk, and the acts that do not apply.
import type { ActResult, Assessment, ProductDoc } from '../../api';
import { Section } from '../../components';
import { useLang } from '../../lang';
import { href } from '../../route';
import { ActList, Reasons } from './ActList';
import { groupActs, ORDER } from './groups';
import { Checklist } from './Checklist';
import { knownLabel } from './labels';
import { Standards } from './Standards';
import { Summary } from './Summary';
import { Timeline } from './Timeline';

export function Result({ a, doc, p }: { a: Assessment; doc: ProductDoc; p: string }) {
  const { t, lang } = useLang();
  const groups = groupActs(a.acts);
  const counts = a.summary ?? Object.fromEntries(ORDER.map((s) => [s, groups[s].length]));
  const attrLabel = (id: string) => {
    if (id === 'category') return t('result.category');
    return a.product.attributes?.[id]?.label ?? knownLabel(lang, id) ?? id.replace(/_/g, ' ');
  };
  const dutyActs = [...groups.applies, ...groups.upcoming];

  return (
    <div class="result">
      <Summary a={a} doc={doc} p={p} counts={counts} />

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
        <NotApplicable acts={groups.not_applicable} />
      </Section>
    </div>
  );
}

// The acts that do not apply, folded, each with the reasons.
function NotApplicable({ acts }: { acts: ActResult[] }) {
  return (
    <ul class="na-list">
      {acts.map((act) => (
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
  );
}
