// What is known about the product, each fact with where it comes from: an answer (which can
// be taken back), the description (with the words it was read from and, for the category, how
// sure the recogniser is) or the category's usual value. Any fact can be corrected: the
// correction becomes an answer, which beats what was read or assumed.
import { useState } from 'preact/hooks';
import type { Assessment, ProductDoc } from '../../api';
import type { Key } from '../../i18n';
import { useLang } from '../../lang';
import { FactEditor } from './FactEditor';
import { go, without } from './product';

function sourceKey(s?: string): Key | null {
  return s === 'given' ? 'result.source.given' : s === 'text' ? 'result.source.text' : s === 'category_default' || s === 'default' ? 'result.source.default' : null;
}

export function Facts({ a, doc }: { a: Assessment; doc: ProductDoc }) {
  const { t } = useLang();
  const [editing, setEditing] = useState<string | null>(null);
  const attrs = Object.entries(a.product.attributes ?? {});
  const given = new Set(Object.keys(doc.attributes ?? {}));
  const cat = a.product.category;
  const source = (s?: string) => sourceKey(s) && t(sourceKey(s)!);
  // "Change" takes an answer back; "correct" opens the editor on a fact that was read or assumed.
  const changeOrCorrect = (id: string, label: string, isAnswer: boolean) =>
    isAnswer ? (
      <button type="button" class="link-btn" onClick={() => go(without(doc, id))}>
        {t('result.facts.change')}
        <span class="sr-only"> {label}</span>
      </button>
    ) : (
      editing !== id && (
        <button type="button" class="link-btn correct-btn" onClick={() => setEditing(id)} aria-expanded={editing === id}>
          {t('result.facts.correct')}
          <span class="sr-only"> {label}</span>
        </button>
      )
    );
  return (
    <details class="facts" open={editing !== null ? true : undefined}>
      <summary>
        {t('result.facts')} ({attrs.length + (cat ? 1 : 0)})
      </summary>
      {attrs.length === 0 && !cat ? (
        <p>{t('result.facts.none')}</p>
      ) : (
        <table class="facts-table">
          <tbody>
            {cat && (
              <tr data-attr="category" data-source={cat.source}>
                <th scope="row">{t('result.category')}</th>
                <td>
                  {editing === 'category' ? (
                    <FactEditor attr="category" doc={doc} current={cat.id} label={t('result.category')} onCancel={() => setEditing(null)} />
                  ) : (
                    cat.name
                  )}
                </td>
                <td class="source">
                  {source(cat.source)}
                  {cat.evidence ? ` “${cat.evidence}”` : ''}
                  {cat.source === 'text' && typeof cat.confidence === 'number' && (
                    <span class="confidence"> · {t('result.confidence', { p: Math.round(100 * cat.confidence) })}</span>
                  )}
                </td>
                <td>{changeOrCorrect('category', t('result.category'), !!doc.category)}</td>
              </tr>
            )}
            {attrs.map(([id, v]) => (
              <tr key={id} data-attr={id} data-source={v.source}>
                <th scope="row">{v.label ?? id}</th>
                <td>
                  {editing === id ? (
                    <FactEditor attr={id} doc={doc} current={v.value} label={v.label ?? id} onCancel={() => setEditing(null)} />
                  ) : (
                    v.display ?? String(v.value)
                  )}
                </td>
                <td class="source">
                  {source(v.source)}
                  {v.evidence ? ` “${v.evidence}”` : ''}
                </td>
                <td>{changeOrCorrect(id, v.label ?? id, given.has(id))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
