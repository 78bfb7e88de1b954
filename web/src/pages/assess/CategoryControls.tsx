// The answer controls of the category question: the likeliest categories read from the
// description, the category in words, and the whole taxonomy to pick from.
import { useEffect, useState } from 'preact/hooks';
import { categories as fetchCategories, type CategoryCandidate, type CategoryEntry } from '../../api';
import { useLang } from '../../lang';

// The taxonomy in the page's language, fetched only while `active`.
export function useCategories(active: boolean): CategoryEntry[] {
  const { lang } = useLang();
  const [cats, setCats] = useState<CategoryEntry[]>([]);
  useEffect(() => {
    if (!active) return;
    let live = true;
    fetchCategories(lang)
      .then((list) => live && setCats(list))
      .catch(() => live && setCats([]));
    return () => {
      live = false;
    };
  }, [active, lang]);
  return cats;
}

export function Candidates({
  qid,
  candidates,
  busy,
  onPick,
}: {
  qid: string;
  candidates: CategoryCandidate[];
  busy: boolean;
  onPick: (id: string) => void;
}) {
  const { t } = useLang();
  return (
    <fieldset class="choices candidates" aria-describedby={`${qid}-likely-hint`}>
      <legend>{t('q.category.likely')}</legend>
      <p class="hint" id={`${qid}-likely-hint`}>
        {t('q.category.likelyHint')}
      </p>
      <div class="answer-buttons">
        {candidates.map((c) => (
          <button type="button" class="btn candidate" key={c.id} data-category={c.id} disabled={busy} onClick={() => onPick(c.id)}>
            {c.name} <span class="confidence">{t('result.confidence', { p: Math.round(100 * c.p) })}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function CategoryWords({ qid, value, onInput }: { qid: string; value: string; onInput: (v: string) => void }) {
  const { t } = useLang();
  return (
    <div class="field">
      <label for={`${qid}-words`}>{t('q.category.words')}</label>
      <input
        id={`${qid}-words`}
        type="text"
        value={value}
        aria-describedby={`${qid}-words-hint`}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
      <p class="hint" id={`${qid}-words-hint`}>
        {t('q.category.hint')}
      </p>
    </div>
  );
}

export function CategoryPick({
  qid,
  cats,
  pick,
  onPick,
}: {
  qid: string;
  cats: CategoryEntry[];
  pick: string;
  onPick: (id: string) => void;
}) {
  const { t } = useLang();
  return (
    <div class="field">
      <label for={`${qid}-pick`}>{t('q.category.pick')}</label>
      <select id={`${qid}-pick`} value={pick} onChange={(e) => onPick((e.target as HTMLSelectElement).value)}>
        <option value="">—</option>
        {cats.map((c) => (
          <option value={c.id} key={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
