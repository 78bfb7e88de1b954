// The page shell: skip link, header with navigation and the language switch, the routed page,
// footer. Language: the saved choice, else the browser's (Accept-Language / navigator).
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { detectLang, htmlLang, saveLang, translate, type Lang } from './i18n';
import { LangContext } from './lang';
import { AlertPage } from './pages/AlertDetail';
import { Alerts } from './pages/Alerts';
import { Assess } from './pages/Assess';
import { Intake } from './pages/Intake';
import { LessonsPage } from './pages/Lessons';
import { RiskPage } from './pages/Risk';
import { useRoute } from './route';
import './styles.css';

function App() {
  const [lang, setLangState] = useState<Lang>(detectLang);
  const route = useRoute();
  const ctx = useMemo(
    () => ({
      lang,
      t: (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v),
      setLang: (l: Lang) => {
        saveLang(l);
        setLangState(l);
      },
    }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = htmlLang[lang];
    document.title = `${translate(lang, 'app.title')} – ${translate(lang, 'app.tagline')}`;
  }, [lang]);

  const { path, params } = route;
  let page;
  let section: 'assess' | 'alerts' = 'assess';
  if (path === '/' || path === '') page = <Intake />;
  else if (path === '/assess') page = <Assess p={params.get('p')} />;
  else if (path === '/lessons') page = <LessonsPage p={params.get('p')} />;
  else if (path === '/risk') page = <RiskPage p={params.get('p')} c={params.get('c')} />;
  else if (path === '/alerts') {
    page = <Alerts params={params} />;
    section = 'alerts';
  } else if (path.startsWith('/alert/')) {
    page = <AlertPage caseNumber={decodeURIComponent(path.slice('/alert/'.length))} />;
    section = 'alerts';
  } else
    page = (
      <div>
        <h1>{ctx.t('notfound.title')}</h1>
        <p>
          <a href="#/">{ctx.t('notfound.back')}</a>
        </p>
      </div>
    );

  const t = ctx.t;
  return (
    <LangContext.Provider value={ctx}>
      <a class="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('skip.main')}
      </a>
      <header class="site-header">
        <div class="wrap header-row">
          <a class="brand" href="#/">
            <span class="logo" aria-hidden="true">
              ★
            </span>
            <span>
              <span class="brand-name">eucomply</span>
              <span class="brand-tag">{t('app.tagline')}</span>
            </span>
          </a>
          <nav aria-label={t('nav.label')} class="main-nav">
            <a href="#/" aria-current={section === 'assess' ? 'page' : undefined}>
              {t('nav.assess')}
            </a>
            <a href="#/alerts" aria-current={section === 'alerts' ? 'page' : undefined}>
              {t('nav.alerts')}
            </a>
          </nav>
          <div class="lang-switch" role="group" aria-label={t('lang.label')}>
            <button type="button" lang="zh-CN" aria-pressed={lang === 'zh'} onClick={() => ctx.setLang('zh')}>
              中文
            </button>
            <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => ctx.setLang('en')}>
              English
            </button>
          </div>
        </div>
      </header>
      <main id="main" class="wrap" tabIndex={-1}>
        {page}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>{t('footer.note')}</p>
          <p class="hint">{t('footer.offline')}</p>
        </div>
      </footer>
    </LangContext.Provider>
  );
}

// Printing shows every collapsed reason and fact; they close again afterwards.
let opened: HTMLDetailsElement[] = [];
addEventListener('beforeprint', () => {
  opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
  opened.forEach((d) => (d.open = true));
});
addEventListener('afterprint', () => {
  opened.forEach((d) => (d.open = false));
  opened = [];
});

render(<App />, document.getElementById('app')!);
