// #/assess?p=<product>: the next question (one at a time, with "why we ask"), then the result:
// acts that apply, upcoming ones on a timeline, undetermined ones, the duties as a checklist
// by act, the standards, and the acts that do not apply with the reasons. Every answer is a
// new address, so the browser's Back undoes it and the address can be shared.
// The pieces are in ./assess/: QuestionCard (and its answer controls), Result (Summary, Facts,
// ActList, Timeline, Checklist, Standards), Toolbar; product.ts makes the next document.
import { assess } from '../api';
import { ErrorBox, Loading, useAsync, useFocusHeading } from '../components';
import { useLang } from '../lang';
import { decodeProduct } from '../route';
import { learnLabels, useAttributeLabels } from './assess/labels';
import { QuestionCard } from './assess/QuestionCard';
import { Result } from './assess/Result';
import { Toolbar } from './assess/Toolbar';

export function Assess({ p }: { p: string | null }) {
  const { lang, t } = useLang();
  const doc = decodeProduct(p);
  const [res, retry] = useAsync(() => (doc ? assess(doc, lang) : Promise.reject(new Error('no product'))), `${p}|${lang}`);
  const h = useFocusHeading(`assess-${p}`);
  useAttributeLabels(lang);

  if (!doc) {
    return (
      <div>
        <h1>{t('notfound.title')}</h1>
        <p>
          <a href="#/">{t('notfound.back')}</a>
        </p>
      </div>
    );
  }
  const a = res.data;
  if (a) learnLabels(lang, a);
  const answered = Object.keys(doc.attributes ?? {}).length + (doc.category ? 1 : 0);
  return (
    <div class="assess" aria-busy={res.state === 'loading'} data-p={p ?? ''}>
      <div class="page-head">
        <h1 tabIndex={-1} ref={h}>
          {t('result.title')}
          {a?.product?.name ? <span class="subtitle">{a.product.name}</span> : null}
        </h1>
        {a && <Toolbar p={p ?? ''} />}
      </div>
      {res.state === 'error' && <ErrorBox error={res.error} retry={retry} />}
      {!a && res.state === 'loading' && <Loading />}
      {a && (
        <>
          {a.next_question ? (
            <QuestionCard
              key={`${a.next_question.attribute}|${p}`}
              q={a.next_question}
              doc={doc}
              answered={answered}
              busy={res.state === 'loading'}
              candidates={a.next_question.type === 'category' ? a.product.category_candidates : undefined}
            />
          ) : (
            <p class="notice notice-done" role="status">
              {t('q.done')}
              {a.summary?.undetermined ? ` ${t('q.remaining', { n: a.summary.undetermined })}` : ''}
            </p>
          )}
          <Result a={a} doc={doc} p={p ?? ''} />
        </>
      )}
    </div>
  );
}
