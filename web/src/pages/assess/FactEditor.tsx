// One fact's correct value, in the control its type needs (from GET /api/v1/attributes, or the
// taxonomy for the category); saving makes it an answer.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  attributes as fetchAttributes,
  type AttributeEntry,
  type AttrValue,
  categories as fetchCategories,
  type CategoryEntry,
  type ProductDoc,
} from '../../api';
import { Loading } from '../../components';
import { useLang } from '../../lang';
import { go, numberAnswer } from './product';

export function FactEditor({
  attr,
  doc,
  current,
  label,
  onCancel,
}: {
  attr: string;
  doc: ProductDoc;
  current: string; // the server writes every value as a string (ValueToString)
  label: string;
  onCancel: () => void;
}) {
  const { lang, t } = useLang();
  const [meta, setMeta] = useState<AttributeEntry | null>(null);
  const [cats, setCats] = useState<CategoryEntry[]>([]);
  const [value, setValue] = useState<string>(current);
  const [many, setMany] = useState<string[]>([]);
  const [error, setError] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    let live = true;
    if (attr === 'category') fetchCategories(lang).then((l) => live && setCats(l)).catch(() => undefined);
    else fetchAttributes(lang).then((l) => live && setMeta(l.find((x) => x.id === attr) ?? null)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [attr, lang]);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, input')?.focus({ preventScroll: true });
  }, [meta, cats.length]);
  const save = (e: Event) => {
    e.preventDefault();
    if (attr === 'category') {
      if (!value) return setError(t('q.required'));
      return go({ ...doc, category: value });
    }
    if (!meta) return;
    let v: AttrValue;
    if (meta.type === 'bool') v = value === 'true';
    else if (meta.type === 'set') v = many;
    else if (meta.type === 'number') {
      const s = numberAnswer(value, meta.unit);
      if (s === null) return setError(t('q.required'));
      v = s;
    } else {
      if (!value) return setError(t('q.required'));
      v = value;
    }
    go({ ...doc, attributes: { ...(doc.attributes ?? {}), [attr]: v } });
  };
  return (
    <form class="fact-editor" onSubmit={save} ref={ref} aria-label={`${t('result.facts.correct')} ${label}`}>
      <FactControl id={`fix-${attr}`} isCategory={attr === 'category'} cats={cats} meta={meta} value={value} setValue={setValue} many={many} setMany={setMany} />
      <button type="submit" class="btn btn-primary">
        {t('result.facts.save')}
      </button>
      <button type="button" class="btn btn-quiet" onClick={onCancel}>
        {t('result.facts.cancel')}
      </button>
      <span class="field-error" role="alert">
        {error}
      </span>
    </form>
  );
}

// The control for the value: the taxonomy for the category, else by the attribute's type.
function FactControl({
  id,
  isCategory,
  cats,
  meta,
  value,
  setValue,
  many,
  setMany,
}: {
  id: string;
  isCategory: boolean;
  cats: CategoryEntry[];
  meta: AttributeEntry | null;
  value: string;
  setValue: (v: string) => void;
  many: string[];
  setMany: (v: string[]) => void;
}) {
  const { t } = useLang();
  const select = (options: ComponentChildren) => (
    <select id={id} aria-label={t('result.facts.value')} value={value} onChange={(e) => setValue((e.target as HTMLSelectElement).value)}>
      {options}
    </select>
  );
  if (isCategory) {
    return select(
      cats.map((c) => (
        <option value={c.id} key={c.id}>
          {c.name}
        </option>
      )),
    );
  }
  if (!meta) return <Loading />;
  if (meta.type === 'bool') {
    return select(
      <>
        <option value="true">{t('q.yes')}</option>
        <option value="false">{t('q.no')}</option>
      </>,
    );
  }
  if (meta.type === 'enum') {
    return select(
      <>
        <option value="">—</option>
        {(meta.values ?? []).map((x) => (
          <option value={x.id} key={x.id}>
            {x.label}
          </option>
        ))}
      </>,
    );
  }
  if (meta.type === 'set') {
    return (
      <fieldset class="choices">
        <legend class="sr-only">{t('result.facts.value')}</legend>
        {(meta.values ?? []).map((x) => (
          <label class="choice" key={x.id}>
            <input
              type="checkbox"
              value={x.id}
              checked={many.includes(x.id)}
              onChange={(e) => setMany((e.target as HTMLInputElement).checked ? [...many, x.id] : many.filter((m) => m !== x.id))}
            />
            <span>{x.label}</span>
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <span class="field-inline">
      <input id={id} type="text" inputMode="decimal" aria-label={t('result.facts.value')} value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
      {meta.unit && <span class="unit">{t('q.unit', { unit: meta.unit })}</span>}
    </span>
  );
}
