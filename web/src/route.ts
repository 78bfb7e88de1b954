// Hash routes, so that the C++ server only ever serves index.html and a result's address
// carries the product being assessed (shareable, bookmarkable, works after a reload):
//   #/                      start page: describe a product
//   #/assess?p=<product>    questions and result; <product> is the product document as
//                           base64url-encoded UTF-8 JSON
//   #/lessons?p=<product>   lessons from past Safety Gate alerts for that product
//   #/risk?p=<product>&c=<category>   the risk assessment wizard for that product
//   #/alerts?q=&category=&risk=&origin=&level=&year=   alert search and charts
//   #/alert/<case>          one alert (case number URL-encoded)
import { useEffect, useState } from 'preact/hooks';
import type { ProductDoc } from './api';

export interface Route {
  path: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '') || '/';
  const q = h.indexOf('?');
  const path = q >= 0 ? h.slice(0, q) : h;
  const params = new URLSearchParams(q >= 0 ? h.slice(q + 1) : '');
  return { path: path || '/', params };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function href(path: string, params?: Record<string, string | string[] | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else u.set(k, v);
  }
  const s = u.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(to: string) {
  if (location.hash === to) return;
  location.hash = to;
}

export function encodeProduct(doc: ProductDoc): string {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  let bin = '';
  bytes.forEach((b) => (bin += String.fromCharCode(b)));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeProduct(s: string | null): ProductDoc | null {
  if (!s) return null;
  try {
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const doc = JSON.parse(new TextDecoder().decode(bytes));
    return doc && typeof doc === 'object' ? (doc as ProductDoc) : null;
  } catch {
    return null;
  }
}
