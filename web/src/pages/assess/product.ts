// The product document of the assess page: answers, skips and corrections each make a new
// document, and a new document is a new address (#/assess?p=...), so Back undoes the step.
import type { AttrValue, ProductDoc, Question } from '../../api';
import { encodeProduct, href, navigate } from '../../route';

export function withAnswer(doc: ProductDoc, q: Question, value: AttrValue): ProductDoc {
  if (q.type === 'category') return { ...doc, category: String(value) };
  return { ...doc, attributes: { ...(doc.attributes ?? {}), [q.attribute]: value } };
}

export function withSkip(doc: ProductDoc, attr: string): ProductDoc {
  return { ...doc, skip: [...(doc.skip ?? []), attr] };
}

export function without(doc: ProductDoc, attr: string): ProductDoc {
  if (attr === 'category') {
    const { category: _c, ...rest } = doc;
    return rest;
  }
  const attributes = { ...(doc.attributes ?? {}) };
  delete attributes[attr];
  return { ...doc, attributes, skip: (doc.skip ?? []).filter((s) => s !== attr) };
}

export function go(doc: ProductDoc) {
  navigate(href('/assess', { p: encodeProduct(doc) }));
}

// A number typed by the user: a decimal comma becomes a point, and a bare number gets the
// attribute's canonical unit (the server converts "230 V", "1.5 kW", ...). `null`: empty.
export function numberAnswer(typed: string, unit: string | null | undefined): string | null {
  const s = typed.trim().replace(',', '.');
  if (!s) return null;
  return /[a-zA-Z\u00b5\u03bc\u4e00-\u9fff]/.test(s) || !unit ? s : `${s} ${unit}`;
}
