// Start page: describe a product (free text), add what is already known, start assessing.
import { useState } from 'preact/hooks';
import type { AttrValue, ProductDoc } from '../api';
import { useFocusHeading } from '../components';
import type { Key } from '../i18n';
import { useLang } from '../lang';
import { encodeProduct, href, navigate } from '../route';

// Yes/no facts many sellers know up front; the ids are knowledge-base attributes.
const KNOWN = ['sold_online', 'manufacturer_in_eu', 'is_electrical', 'has_battery', 'has_radio', 'designed_for_play'] as const;

interface Example {
  label: { en: string; zh: string };
  doc: ProductDoc;
}

export const EXAMPLES: Example[] = [
  {
    label: { en: 'USB-C phone charger', zh: 'USB-C 手机充电器' },
    doc: {
      name: 'USB-C charger 30 W',
      text: 'USB-C wall charger for phones, input 100-240 V AC, output 5 V 3 A, 30 W',
      attributes: { sold_online: true, manufacturer_in_eu: false },
    },
  },
  {
    label: { en: 'Plush toy with sound', zh: '带音乐的毛绒玩具' },
    doc: {
      name: '唱歌的毛绒熊',
      text: '毛绒玩具熊，爪子里有发声模块，纽扣电池供电，适合 12 个月以上儿童',
      attributes: { sold_online: true, manufacturer_in_eu: false },
    },
  },
  {
    label: { en: 'Wi-Fi smart plug', zh: 'Wi-Fi 智能插座' },
    doc: {
      name: 'Wi-Fi smart plug',
      text: 'Wi-Fi smart plug 230 V 16 A with app control',
      attributes: { sold_online: true, manufacturer_in_eu: false },
    },
  },
];

export function startAssessment(doc: ProductDoc) {
  navigate(href('/assess', { p: encodeProduct(doc) }));
}

export function Intake() {
  const { t, lang } = useLang();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [known, setKnown] = useState<Record<string, '' | 'yes' | 'no'>>({});
  const [error, setError] = useState('');
  const h = useFocusHeading('intake');

  const submit = (e: Event) => {
    e.preventDefault();
    if (!text.trim() && !name.trim()) {
      setError(t('intake.empty'));
      (document.getElementById('intake-text') as HTMLTextAreaElement | null)?.focus();
      return;
    }
    const attributes: Record<string, AttrValue> = {};
    for (const [k, v] of Object.entries(known)) if (v) attributes[k] = v === 'yes';
    const doc: ProductDoc = { text: text.trim() };
    if (name.trim()) doc.name = name.trim();
    if (Object.keys(attributes).length) doc.attributes = attributes;
    startAssessment(doc);
  };

  return (
    <div class="intake">
      <h1 tabIndex={-1} ref={h}>
        {t('intake.title')}
      </h1>
      <p class="lead">{t('intake.lead')}</p>
      <form class="card intake-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="intake-text">{t('intake.text')}</label>
          <textarea
            id="intake-text"
            name="text"
            rows={4}
            value={text}
            aria-describedby="intake-text-hint intake-error"
            aria-invalid={error ? 'true' : undefined}
            onInput={(e) => {
              setText((e.target as HTMLTextAreaElement).value);
              setError('');
            }}
          />
          <p class="hint" id="intake-text-hint">
            {t('intake.text.hint')}
          </p>
          <p class="field-error" id="intake-error" role="alert">
            {error}
          </p>
        </div>
        <div class="field">
          <label for="intake-name">{t('intake.name')}</label>
          <input id="intake-name" name="name" type="text" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </div>
        <fieldset class="known">
          <legend>{t('intake.known')}</legend>
          <p class="hint">{t('intake.known.hint')}</p>
          <div class="known-grid">
            {KNOWN.map((id) => (
              <fieldset class="tri" key={id}>
                <legend>{t(`intake.attr.${id}` as Key)}</legend>
                {(['', 'yes', 'no'] as const).map((v) => (
                  <label class="tri-opt" key={v}>
                    <input
                      type="radio"
                      name={`known-${id}`}
                      value={v}
                      checked={(known[id] ?? '') === v}
                      onChange={() => setKnown({ ...known, [id]: v })}
                    />
                    <span>{v === '' ? t('intake.unsure') : v === 'yes' ? t('intake.yes') : t('intake.no')}</span>
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {t('intake.submit')}
          </button>
        </div>
      </form>
      <section class="examples" aria-labelledby="examples-h">
        <h2 id="examples-h">{t('intake.examples')}</h2>
        <ul class="example-list">
          {EXAMPLES.map((ex) => (
            <li key={ex.label.en}>
              <a class="example" href={href('/assess', { p: encodeProduct(ex.doc) })}>
                {ex.label[lang]}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
