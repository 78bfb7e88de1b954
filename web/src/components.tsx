// Small shared pieces: data loading, loading/error states, status badges.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type Status } from './api';
import { useLang } from './lang';

export type Async<T> =
  | { state: 'loading'; data?: T }
  | { state: 'ok'; data: T }
  | { state: 'error'; error: ApiError | Error; data?: T };

// Runs `load` whenever `key` changes; keeps the previous data while the next one loads and
// ignores answers that arrive after a newer request was started. An answer counts as ready
// only for the key it was loaded for: on the first render after the key changes (before the
// effect has started the new load) the state is already 'loading', so a page never shows the
// previous key's answer as if it were the current one (issue 10: a stale question card could
// be answered for the next product).
export function useAsync<T>(load: () => Promise<T>, key: string): [Async<T>, () => void] {
  const [s, setS] = useState<{ key: string | null; value: Async<T> }>({ key: null, value: { state: 'loading' } });
  const [n, setN] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const my = ++seq.current;
    setS((prev) => ({ key: null, value: { state: 'loading', data: prev.value.data } }));
    load().then(
      (data) => my === seq.current && setS({ key, value: { state: 'ok', data } }),
      (error) => my === seq.current && setS((prev) => ({ key, value: { state: 'error', error, data: prev.value.data } })),
    );
  }, [key, n]);
  const value: Async<T> = s.key === key ? s.value : { state: 'loading', data: s.value.data };
  return [value, () => setN((x) => x + 1)];
}

export function Loading() {
  const { t } = useLang();
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {t('loading')}
    </p>
  );
}

export function ErrorBox({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useLang();
  const net = error instanceof ApiError && error.status === 0;
  return (
    <div class="error" role="alert">
      <h2>{t('error.title')}</h2>
      <p class="error-message">{net ? t('error.network') : error.message}</p>
      {retry && (
        <button type="button" class="btn" onClick={retry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useLang();
  return <span class={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

export function Unconfirmed({ show }: { show?: boolean }) {
  const { t } = useLang();
  if (!show) return null;
  return (
    <span class="tag tag-unconfirmed" title={t('result.unconfirmed.title')}>
      {t('result.unconfirmed')}
    </span>
  );
}

export function Section(props: { id: string; title: string; lead?: string; children: ComponentChildren; class?: string }) {
  return (
    <section class={`section ${props.class ?? ''}`} aria-labelledby={`${props.id}-h`} id={props.id}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.lead && <p class="lead">{props.lead}</p>}
      {props.children}
    </section>
  );
}

// Moves keyboard focus to the page's main heading after a route change, so screen-reader
// and keyboard users start at the new content.
// The first page of a visit keeps the browser's own start (so the first Tab reaches the
// skip link).
let firstPage = true;
export function useFocusHeading(dep: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [dep]);
  return ref;
}

