// What is coming: acts that will apply and duties of applying acts that start later, by date
// from today.
import type { ActResult, Assessment, Obligation } from '../../api';
import { formatDate } from '../../i18n';
import { useLang } from '../../lang';

interface TimelineItem {
  date: string;
  act: ActResult;
  duty?: Obligation;
}

function timelineItems(upcoming: ActResult[], dutyActs: ActResult[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const act of upcoming) if (act.applies_from) items.push({ date: act.applies_from, act });
  for (const act of dutyActs) {
    for (const o of act.obligations ?? []) if (o.status === 'upcoming' && o.from) items.push({ date: o.from, act, duty: o });
  }
  items.sort((x, y) => x.date.localeCompare(y.date) || x.act.short_name.localeCompare(y.act.short_name));
  return items;
}

export function Timeline({ a, upcoming, dutyActs }: { a: Assessment; upcoming: ActResult[]; dutyActs: ActResult[] }) {
  const { t, lang } = useLang();
  const items = timelineItems(upcoming, dutyActs);
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
