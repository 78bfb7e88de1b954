// The summary card: the product, the date of the assessment, how many acts in each status
// (each a link to its section), and the product's facts.
import type { Assessment, ProductDoc } from '../../api';
import { formatDate, formatNumber, type Key } from '../../i18n';
import { useLang } from '../../lang';
import { Facts } from './Facts';
import { ORDER } from './groups';

export function Summary({ a, doc, p, counts }: { a: Assessment; doc: ProductDoc; p: string; counts: Record<string, number> }) {
  const { t, lang } = useLang();
  return (
    <section class="card summary" aria-labelledby="summary-h">
      <h2 id="summary-h">{t('result.summary')}</h2>
      <dl class="facts-inline">
        {a.product.name && (
          <>
            <dt>{t('result.product')}</dt>
            <dd data-testid="product-name">{a.product.name}</dd>
          </>
        )}
        {doc.text && (
          <>
            <dt>{t('result.description')}</dt>
            <dd class="product-text">{doc.text}</dd>
          </>
        )}
        <dt>{t('result.category')}</dt>
        <dd data-testid="product-category">{a.product.category?.name ?? '—'}</dd>
      </dl>
      <p class="as-of">{t('result.asOf', { date: formatDate(lang, a.as_of) })}</p>
      <ul class="counts">
        {ORDER.map((s) => (
          <li key={s} class={`count count-${s}`}>
            <a href={`#sec-${s}`} onClick={(e) => jump(e, `sec-${s}`)}>
              <strong>{formatNumber(lang, counts[s] ?? 0)}</strong> {t(`result.count.${s}` as Key)}
            </a>
          </li>
        ))}
      </ul>
      <Facts key={p} a={a} doc={doc} />
    </section>
  );
}

// Scrolls to a section and puts the keyboard on its heading.
function jump(e: Event, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const h = el.querySelector<HTMLElement>('h2');
  if (h) {
    h.tabIndex = -1;
    h.focus({ preventScroll: true });
  }
}
