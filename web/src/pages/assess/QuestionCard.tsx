// The next question, one at a time: what is asked, why (and which acts it settles), the
// answer controls its type needs, and "skip". Answering or skipping goes to the next address.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AttrValue, CategoryCandidate, ProductDoc, Question } from '../../api';
import { useLang } from '../../lang';
import { BoolButtons, NumberField, SetChoices, ValueChoices } from './AnswerControls';
import { Candidates, CategoryPick, CategoryWords, useCategories } from './CategoryControls';
import { go, numberAnswer, withAnswer, withSkip } from './product';

export function QuestionCard({
  q,
  doc,
  answered,
  busy,
  candidates,
}: {
  q: Question;
  doc: ProductDoc;
  answered: number;
  busy: boolean;
  candidates?: CategoryCandidate[];
}) {
  const { t } = useLang();
  const [value, setValue] = useState<string>('');
  // The category in words, or picked from the whole taxonomy when words are not enough.
  const askWords = q.type === 'category' && !(q.values ?? []).length;
  const cats = useCategories(askWords);
  const [pick, setPick] = useState('');
  const [many, setMany] = useState<string[]>([]);
  const [error, setError] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Put the keyboard on the first answer control of the new question.
    // After the page's own focus handling (parents' effects run after this one).
    const id = setTimeout(() => ref.current?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true }));
    return () => clearTimeout(id);
  }, [q.attribute]);

  const submit = (e: Event) => {
    e.preventDefault();
    let v: AttrValue;
    if (askWords) {
      // A category picked from the list wins; otherwise the words go to the free-text
      // intake, which finds the category in its bilingual lexicon (or asks again).
      if (pick) return go({ ...doc, category: pick });
      const words = value.trim();
      if (!words) return setError(t('q.required'));
      return go({ ...doc, text: [doc.text, words].filter(Boolean).join('; ') });
    }
    if (q.type === 'set') v = many;
    else if (q.type === 'number') {
      const s = numberAnswer(value, q.unit);
      if (s === null) return setError(t('q.required'));
      v = s;
    } else {
      if (!value) return setError(t('q.required'));
      v = value;
    }
    go(withAnswer(doc, q, v));
  };
  const change = (v: string) => {
    setValue(v);
    setError('');
  };
  const qid = `q-${q.attribute}`;

  return (
    <section class="card question no-print" aria-labelledby={`${qid}-h`} data-type={q.type} data-decides={q.decides ?? 'acts'} ref={ref}>
      <p class="eyebrow">
        {t('q.heading')} · <span class="progress">{t('q.progress', { n: answered })}</span>
      </p>
      <h2 id={`${qid}-h`} class="question-text">
        {q.question || q.label}
      </h2>
      {q.decides === 'obligations' && (
        <p class="notice notice-duties" data-testid="duty-step">
          {t('q.forDuties')}
        </p>
      )}
      <WhyWeAsk q={q} />
      <form onSubmit={submit} class="answer" aria-describedby={`${qid}-err`}>
        {q.type === 'bool' && <BoolButtons busy={busy} onAnswer={(b) => go(withAnswer(doc, q, b))} />}
        {candidates && candidates.length > 0 && (
          <Candidates qid={qid} candidates={candidates} busy={busy} onPick={(id) => go({ ...doc, category: id })} />
        )}
        {askWords && <CategoryWords qid={qid} value={value} onInput={change} />}
        {askWords && cats.length > 0 && (
          <CategoryPick
            qid={qid}
            cats={cats}
            pick={pick}
            onPick={(id) => {
              setPick(id);
              setError('');
            }}
          />
        )}
        {(q.type === 'enum' || q.type === 'category') && (q.values ?? []).length > 0 && (
          <ValueChoices qid={qid} q={q} value={value} onChange={change} />
        )}
        {q.type === 'set' && <SetChoices qid={qid} values={q.values ?? []} many={many} setMany={setMany} />}
        {q.type === 'number' && <NumberField qid={qid} q={q} value={value} onInput={change} />}
        <p class="field-error" id={`${qid}-err`} role="alert">
          {error}
        </p>
        <div class="actions">
          {q.type !== 'bool' && (
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {t('q.answer')}
            </button>
          )}
          <button type="button" class="btn btn-quiet" disabled={busy} onClick={() => go(withSkip(doc, q.attribute))}>
            {t('q.skip')}
          </button>
        </div>
      </form>
    </section>
  );
}

// "Why we ask": the knowledge base's reason, and the acts the answer settles.
function WhyWeAsk({ q }: { q: Question }) {
  const { t } = useLang();
  return (
    <div class="why">
      <h3>{t('q.why')}</h3>
      <p>{q.why}</p>
      {q.acts && q.acts.length > 0 && (
        <p class="settles">
          {t('q.affects')}:{' '}
          {q.acts.map((x, i) => (
            <span class="act-chip" key={i}>
              {x}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
