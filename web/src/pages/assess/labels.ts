// The API names the attributes an undetermined act still needs by id only; their labels come
// from GET /api/v1/attributes in the page's language (and from the product facts seen).
// The labels live in a module-level cache (kept across pages); useAttributeLabels re-renders
// its component once the vocabulary has arrived.
import { useEffect, useState } from 'preact/hooks';
import { attributes as fetchAttributes, type Assessment } from '../../api';
import type { Lang } from '../../i18n';

const knownLabels: Record<Lang, Map<string, string>> = { en: new Map(), zh: new Map() };

export function learnLabels(lang: Lang, a: Assessment) {
  for (const [id, v] of Object.entries(a.product.attributes ?? {})) if (v.label) knownLabels[lang].set(id, v.label);
  if (a.next_question?.label && a.next_question.type !== 'category') knownLabels[lang].set(a.next_question.attribute, a.next_question.label);
}

export function knownLabel(lang: Lang, id: string): string | undefined {
  return knownLabels[lang].get(id);
}

export function useAttributeLabels(lang: Lang) {
  const [, labelsLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    fetchAttributes(lang)
      .then((list) => {
        for (const x of list) knownLabels[lang].set(x.id, x.label);
        if (live) labelsLoaded((n) => n + 1);
      })
      .catch(() => undefined); // labels fall back to the ids' words
    return () => {
      live = false;
    };
  }, [lang]);
}
