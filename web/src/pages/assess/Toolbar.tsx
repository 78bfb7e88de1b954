// The result's tools: print, share the address (the whole product is in it), start again.
import { useState } from 'preact/hooks';
import { useLang } from '../../lang';

export function Toolbar({ p }: { p: string }) {
  const { t } = useLang();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Clipboard blocked (plain http, permissions): select the address for the user instead.
      const i = document.getElementById('share-url') as HTMLInputElement | null;
      i?.select();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2500);
  };
  return (
    <div class="toolbar no-print" role="group" aria-label={t('result.title')}>
      <button type="button" class="btn" onClick={() => window.print()}>
        {t('result.print')}
      </button>
      <button type="button" class="btn" onClick={copy} aria-describedby="share-hint">
        {copied ? t('result.shared') : t('result.share')}
      </button>
      <a class="btn" href="#/">
        {t('result.restart')}
      </a>
      <input id="share-url" class="sr-only" readOnly value={location.href} aria-hidden="true" tabIndex={-1} />
      <span id="share-hint" class="sr-only">
        {t('result.shareHint')}
      </span>
      <span class="sr-only" role="status">
        {copied ? t('result.shared') : ''}
      </span>
      <input type="hidden" value={p} />
    </div>
  );
}
