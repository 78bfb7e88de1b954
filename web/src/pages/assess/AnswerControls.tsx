// The answer controls of an attribute question, by its type: yes/no buttons, one value of an
// enum (radio buttons, or a list when there are many), several values of a set, a number.
import type { Question, QuestionValue } from '../../api';
import { useLang } from '../../lang';

export function BoolButtons({ busy, onAnswer }: { busy: boolean; onAnswer: (b: boolean) => void }) {
  const { t } = useLang();
  return (
    <div class="answer-buttons">
      <button type="button" class="btn btn-primary" disabled={busy} onClick={() => onAnswer(true)}>
        {t('q.yes')}
      </button>
      <button type="button" class="btn btn-primary" disabled={busy} onClick={() => onAnswer(false)}>
        {t('q.no')}
      </button>
    </div>
  );
}

export function ValueChoices({ qid, q, value, onChange }: { qid: string; q: Question; value: string; onChange: (v: string) => void }) {
  const { t } = useLang();
  const values = q.values ?? [];
  return (
    <fieldset class="choices">
      <legend>{t('q.choose')}</legend>
      {values.length > 8 ? (
        <select id={`${qid}-sel`} aria-label={q.label} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
          <option value="">—</option>
          {values.map((v) => (
            <option value={v.id} key={v.id}>
              {v.label}
            </option>
          ))}
        </select>
      ) : (
        values.map((v) => (
          <label class="choice" key={v.id}>
            <input type="radio" name={qid} value={v.id} checked={value === v.id} onChange={() => onChange(v.id)} />
            <span>{v.label}</span>
          </label>
        ))
      )}
    </fieldset>
  );
}

export function SetChoices({
  qid,
  values,
  many,
  setMany,
}: {
  qid: string;
  values: QuestionValue[];
  many: string[];
  setMany: (v: string[]) => void;
}) {
  const { t } = useLang();
  return (
    <fieldset class="choices">
      <legend>{t('q.chooseMany')}</legend>
      {values.map((v) => (
        <label class="choice" key={v.id}>
          <input
            type="checkbox"
            name={qid}
            value={v.id}
            checked={many.includes(v.id)}
            onChange={(e) => setMany((e.target as HTMLInputElement).checked ? [...many, v.id] : many.filter((x) => x !== v.id))}
          />
          <span>{v.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function NumberField({ qid, q, value, onInput }: { qid: string; q: Question; value: string; onInput: (v: string) => void }) {
  const { t } = useLang();
  return (
    <div class="field field-inline">
      <label for={`${qid}-num`}>{q.label}</label>
      <input
        id={`${qid}-num`}
        type="text"
        inputMode="decimal"
        value={value}
        aria-describedby={`${qid}-unit`}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
      {q.unit && (
        <span class="unit" id={`${qid}-unit`}>
          {t('q.unit', { unit: q.unit })}
        </span>
      )}
    </div>
  );
}
