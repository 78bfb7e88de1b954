// The current language, for every component: `const { lang, t } = useLang()`.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translate, type Key, type Lang } from './i18n';

export interface LangCtx {
  lang: Lang;
  t: (key: Key, vars?: Record<string, string | number>) => string;
  setLang: (l: Lang) => void;
}

export const LangContext = createContext<LangCtx>({
  lang: 'en',
  t: (k, v) => translate('en', k, v),
  setLang: () => {},
});

export const useLang = () => useContext(LangContext);
