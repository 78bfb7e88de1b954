// The eucomply HTTP API (/api/v1/, served by `eucomply serve`): types of the JSON it returns
// and one function per call. The assessment schema is the one of
// `eucomply assess --format json` (docs/assessment-schema.md).
import type { Lang } from './i18n';

export type Status = 'applies' | 'not_applicable' | 'undetermined' | 'upcoming' | 'no_longer_applies';

export type AttrValue = boolean | number | string | string[] | null;

// What the page sends: a product document (docs/product-format.md) plus free text.
export interface ProductDoc {
  name?: string;
  description?: string;
  category?: string;
  attributes?: Record<string, AttrValue>;
  text?: string;
  skip?: string[]; // attributes the user declined to answer ("category" for the category)
}

export interface Citation {
  act?: string;
  article?: string;
  text?: string;
  url?: string;
  [k: string]: unknown;
}

export interface StandardRef {
  id: string;
  ref: string;
  title: string;
}

export interface Reason {
  kind: string;
  rule?: string;
  outcome?: string;
  text: string;
  citation?: unknown;
  unconfirmed?: boolean;
}

export interface Obligation {
  id: string;
  kind?: string;
  role?: string;
  role_name?: string;
  status: Status;
  from?: string | null;
  text: string;
  citation?: unknown;
  unconfirmed?: boolean;
  modules?: string[];
  notified_body?: boolean | string | null;
  standards?: StandardRef[];
}

export interface MissingAttribute {
  id?: string;
  attribute?: string;
  label?: string;
  [k: string]: unknown;
}

export interface ActResult {
  celex: string;
  short_name: string;
  number?: string;
  title: string;
  status: Status;
  ce_marking?: boolean;
  applies_from?: string | null;
  applies_until?: string | null;
  successor?: string | { celex?: string; short_name?: string; title?: string } | null;
  reasons: Reason[];
  missing_attributes?: (string | MissingAttribute)[];
  obligations?: Obligation[];
  standards_fit?: StandardFit[];
  standards_list?: { count: number; query: string };
}

// A standard that fits the product under an act (knowledge/standards/fit; docs/standards.md).
export interface ListRow {
  ref: string;
  row: string;
  list: string;
  decision: string;
  from: string | null;
  until: string | null;
  state: 'in_force' | 'superseded' | 'ended' | 'not_yet';
  superseded_by?: string;
  amendments: string[];
}

export interface StandardFit {
  ref: string;
  title: string;
  role: 'product' | 'general' | 'horizontal' | 'customary';
  why: string;
  source: string;
  presumption: boolean;
  customary: boolean;
  unconfirmed: boolean;
  rows: ListRow[];
}

export interface HarmonisedRow extends ListRow {
  act: string;
  act_name?: string;
  title: string;
  notes: string[];
}

export interface QuestionValue {
  id: string;
  label: string;
}

export interface Question {
  attribute: string;
  type: 'bool' | 'number' | 'enum' | 'set' | 'category';
  label: string;
  question: string;
  why: string;
  // "obligations": every act is decided; the answer decides which of their duties bind.
  decides?: 'acts' | 'obligations';
  unit?: string | null;
  values?: QuestionValue[];
  acts?: (string | { celex?: string; short_name?: string; title?: string })[];
}

export interface ProductAttribute {
  value: AttrValue;
  display?: string;
  label?: string;
  source?: string;
  evidence?: string | null;
}

export interface Assessment {
  as_of: string;
  product: {
    name?: string;
    description?: string;
    category?: { id: string; name: string; source?: string; evidence?: string | null; confidence?: number } | null;
    // Read from the description without enough confidence: the likeliest categories.
    category_candidates?: { id: string; name: string; p: number }[];
    attributes?: Record<string, ProductAttribute>;
  };
  acts: ActResult[];
  summary?: Record<string, number>;
  next_question: Question | null;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface AlertHit {
  case_number: string;
  report_date: string;
  category: string;
  product: string;
  name: string;
  brand: string;
  level: string;
  country_of_origin: string;
  risk_type: string;
  url?: string;
  description?: string;
}

export interface SearchResult {
  query?: string;
  total: number;
  offset?: number;
  limit?: number;
  hits: AlertHit[];
  facets: Record<string, FacetCount[]>;
  // A Chinese query, expanded to the English words of the alerts (the bilingual lexicon).
  expanded_query?: string;
  expanded_from?: { zh: string; en: string[] }[];
}

export interface Measure {
  operator_type: string;
  operator_role: 'ordered' | 'taking' | string;
  category: string;
  date: string | null;
  date_text: string;
}

export interface AlertDetail {
  case_number: string;
  report_id?: number | string | null;
  report_date: string;
  report_year: number;
  report_week: number;
  url: string;
  category: string;
  product: string;
  brand: string;
  name: string;
  model: string;
  batch: string;
  barcode: string;
  barcodes: { text: string; digits: string; valid: boolean }[];
  risk_types: string[];
  risk_description: string;
  acts: { celex: string; name: string }[];
  standards: string[];
  measures: Measure[];
  measures_text: string;
  description: string;
  notifying_country: string;
  country_of_origin: string;
  user_type: string;
  level: string;
  online_trader: string;
  company_recall_code: string;
  production_dates: string;
  recall_url: string;
}

export interface Tally {
  key: string;
  label: string;
  count: number;
  cases: string[];
}

export interface Lessons {
  product: { name: string; category: string; safety_gate_categories: string[] };
  query: string;
  scope: string;
  matching: number;
  alerts: {
    case_number: string;
    report_date: string;
    category: string;
    title: string;
    level: string;
    risks: string[];
    url: string;
    score: number;
  }[];
  risks: Tally[];
  standards: Tally[];
  acts: Tally[];
  defects: Tally[];
  measures: Tally[];
  checklist: { text: string; cases: string[]; urls: string[] }[];
}

export interface ErrorDetail {
  message: string;
  pointer?: string;
  parameter?: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

const BASE = 'api/v1/';

// `lang` goes into ?lang= for the endpoints that return knowledge-base texts (the server
// refuses unknown query parameters elsewhere); every call also sends it as Accept-Language.
async function call<T>(path: string, lang: Lang, init?: RequestInit, langParam = true): Promise<T> {
  const sep = path.includes('?') ? '&' : '?';
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}${langParam ? `${sep}lang=${lang}` : ''}`, {
      ...init,
      headers: {
        Accept: 'application/json',
        'Accept-Language': lang === 'zh' ? 'zh-CN,zh;q=0.9' : 'en',
        ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
  } catch {
    throw new ApiError('', 0);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const b = body as { error?: string | { message?: string; details?: { message?: string }[] }; message?: string } | null;
    const msg = (typeof b?.error === 'string' ? b.error : b?.error?.message) ?? b?.message ?? '';
    const details = (typeof b?.error === 'object' && Array.isArray(b.error?.details) ? b.error.details : []) as ErrorDetail[];
    throw new ApiError(msg || `HTTP ${res.status}`, res.status, details);
  }
  return body as T;
}

function productOnly(doc: ProductDoc): ProductDoc {
  const out: ProductDoc = {};
  if (doc.name) out.name = doc.name;
  if (doc.description) out.description = doc.description;
  if (doc.category) out.category = doc.category;
  if (doc.attributes && Object.keys(doc.attributes).length) out.attributes = doc.attributes;
  if (doc.text) out.text = doc.text;
  return out;
}

export interface NextQuestionAnswer {
  as_of: string;
  question: Question | null;
  undetermined: string[];
}

// The assessment, with the next question that skips what the user declined to answer: POST
// assess has no `skip`, so when there is one, POST next-question supplies the question.
export async function assess(doc: ProductDoc, lang: Lang): Promise<Assessment> {
  const body = productOnly(doc);
  const a = await call<Assessment>('assess', lang, { method: 'POST', body: JSON.stringify(body) });
  if (doc.skip?.length && a.next_question) {
    const nq = await call<NextQuestionAnswer>('next-question', lang, {
      method: 'POST',
      body: JSON.stringify({ ...body, skip: doc.skip }),
    });
    a.next_question = nq.question;
  }
  return a;
}

// Lessons take the product's words and category (not its attributes).
export function lessons(doc: ProductDoc, lang: Lang): Promise<Lessons> {
  const { name, description, category, text } = productOnly(doc);
  return call<Lessons>('alerts/lessons', lang, { method: 'POST', body: JSON.stringify({ name, description, category, text }) }, false);
}

export interface SearchParams {
  q?: string;
  category?: string[];
  risk?: string[];
  origin?: string[];
  level?: string[];
  year?: string[];
  limit?: number;
  offset?: number;
}

export function searchQuery(p: SearchParams): string {
  const u = new URLSearchParams();
  if (p.q) u.set('q', p.q);
  for (const f of ['category', 'risk', 'origin', 'level'] as const) {
    for (const v of p[f] ?? []) u.append(f, v);
  }
  // The year facet is a range filter on the server: one year selected is from=to=that year;
  // several are the range that spans them.
  const years = (p.year ?? []).map(Number).filter((y) => y > 0);
  if (years.length) {
    u.set('from', String(Math.min(...years)));
    u.set('to', String(Math.max(...years)));
  }
  if (p.limit) u.set('limit', String(p.limit));
  if (p.offset) u.set('offset', String(p.offset));
  return u.toString();
}

export function searchAlerts(p: SearchParams, lang: Lang): Promise<SearchResult> {
  return call<SearchResult>(`alerts/search?${searchQuery(p)}`, lang, undefined, false);
}

// A case number is not unique in the official files: the answer lists every alert with it.
export interface AlertsByCase {
  case_number: string;
  count: number;
  alerts: AlertDetail[];
}

export function alertDetail(caseNumber: string, lang: Lang): Promise<AlertsByCase> {
  return call<AlertsByCase>(`alerts/${encodeURIComponent(caseNumber)}`, lang, undefined, false);
}

export interface Stats {
  total: number;
  facets: Record<string, FacetCount[]>;
}

export interface StandardEntry {
  id: string;
  ref: string;
  title: string;
  acts: { celex: string; short_name: string }[];
  citation?: string;
  oj_date?: string;
  presumption_until?: string;
  superseded_by?: string;
  unconfirmed?: boolean;
}

export interface CategoryEntry {
  id: string;
  name: string;
  parents: string[];
  safety_gate: string[];
  defaults: Record<string, string>;
}

// A per-language answer fetched once and shared; a failed fetch is forgotten, so the next
// call tries again.
function oncePerLang<T>(load: (lang: Lang) => Promise<T>): (lang: Lang) => Promise<T> {
  const cache = new Map<Lang, Promise<T>>();
  return (lang) => {
    let p = cache.get(lang);
    if (!p) {
      p = load(lang);
      p.catch(() => cache.delete(lang));
      cache.set(lang, p);
    }
    return p;
  };
}

// The taxonomy (GET /api/v1/categories), sorted by name in the language.
export const categories = oncePerLang((lang) =>
  call<{ count: number; categories: CategoryEntry[] }>('categories', lang).then((r) =>
    r.categories.slice().sort((a, b) => a.name.localeCompare(b.name, lang === 'zh' ? 'zh-CN' : 'en')),
  ),
);

export interface AttributeEntry {
  id: string;
  type: 'bool' | 'number' | 'enum' | 'set';
  unit?: string;
  label: string;
  question: string;
  why: string;
  values?: { id: string; label: string }[];
}

// The attribute vocabulary (GET /api/v1/attributes) with labels in the language.
export const attributes = oncePerLang((lang) =>
  call<{ count: number; attributes: AttributeEntry[] }>('attributes', lang).then((r) => r.attributes),
);

export function standards(lang: Lang): Promise<{ count: number; standards: StandardEntry[] }> {
  return call('standards', lang);
}

export function alertStats(by: string, lang: Lang): Promise<Stats> {
  return call<Stats>(`alerts/stats?by=${encodeURIComponent(by)}`, lang, undefined, false);
}

// ---- risk assessment (POST /api/v1/risk, GET /api/v1/risk/hazards; docs/risk-format.md) ----

export type Level = 'serious' | 'high' | 'medium' | 'low';

export interface RiskHazard {
  id: string;
  name: string;
  group: string;
  group_name?: string;
  severity: number;
  steps: string[];
  injuries: string[];
}

export interface RiskLibrary {
  hazards: RiskHazard[];
  injuries: { id: string; severity: number; name: string }[];
  injury_source: string;
  suggested: { hazard: string; name: string; alerts: number; share: number; examples: string[] }[];
  suggested_from?: { category: string; category_name: string; alerts: number; split: string };
  category?: string;
  bands: { band: number; range: string; name: string }[];
  severities: { severity: number; name: string }[];
  matrix: Level[][];
  matrix_cite: string;
}

export interface RiskStepDoc {
  text: string;
  probability: string;
}

export interface RiskScenarioDoc {
  hazard: string;
  severity?: number;
  injury?: string;
  defective_component?: boolean;
  steps: RiskStepDoc[];
}

export interface RiskDoc {
  product: ProductDoc & { kinds?: string[] };
  user?: { group?: string; age_months?: number };
  facts?: Record<string, boolean>;
  scenarios: RiskScenarioDoc[];
}

export interface RiskScenarioResult {
  hazard: string;
  hazard_name: string;
  severity: number;
  severity_name: string;
  probability: string;
  probability_value: number;
  band: number;
  band_range: string;
  band_name: string;
  on_boundary: boolean;
  level: Level;
  level_name: string;
}

export interface RiskSensitivity {
  scenario: number;
  change: string;
  kind: 'probability' | 'severity';
  direction: 'up' | 'down';
  probability: string;
  band: number;
  severity: number;
  level: Level;
  level_name: string;
  changes_level: boolean;
}

export interface RiskPresumption {
  point: string;
  summary: string;
  scenario?: number;
  missing?: string[];
}

export interface RiskResult {
  level: Level;
  level_name: string;
  outcome: Level;
  outcome_name: string;
  deciding_scenario: number;
  scenarios: RiskScenarioResult[];
  presumption: { applies: boolean; grounds: RiskPresumption[]; possible: RiskPresumption[] };
  sensitivity: RiskSensitivity[];
  notes: string[];
  report?: string;
}

export function riskLibrary(doc: ProductDoc, category: string | null, lang: Lang): Promise<RiskLibrary> {
  const q = category || doc.category ? `category=${encodeURIComponent(category || doc.category || '')}` : `text=${encodeURIComponent(doc.text || doc.name || '')}`;
  return call<RiskLibrary>(`risk/hazards?${q}`, lang);
}

export function assessRisk(doc: RiskDoc, lang: Lang, report = false): Promise<RiskResult> {
  return call<RiskResult>(report ? 'risk?report=markdown' : 'risk', lang, { method: 'POST', body: JSON.stringify(doc) });
}

// An act's whole Official Journal list as of a date (GET /api/v1/standards?act=&as_of=).
export function harmonisedList(act: string, asOf: string, lang: Lang): Promise<{ harmonised?: { as_of: string; count: number; rows: HarmonisedRow[] } }> {
  return call(`standards?act=${encodeURIComponent(act)}&as_of=${encodeURIComponent(asOf)}`, lang);
}

export interface Health {
  status: string;
  alerts: { available: boolean; count?: number; data_as_of?: string; stale?: boolean; warning?: string };
}

export function health(lang: Lang): Promise<Health> {
  return call<Health>('health', lang, undefined, false);
}

// The address of the CSV export of every alert matching `p` (not one page).
export function alertsCsvHref(p: SearchParams, format: 'csv' | 'xlsx' = 'csv'): string {
  return `${BASE}alerts/search?${searchQuery({ ...p, limit: undefined, offset: undefined })}&format=${format}`;
}

// Alerts per month of the report date, under the same words and filters as a search.
export function monthlyAlerts(p: SearchParams, lang: Lang): Promise<Stats> {
  const q = searchQuery({ ...p, limit: undefined, offset: undefined });
  return call<Stats>(`alerts/stats?by=month${q ? `&${q}` : ''}`, lang, undefined, false);
}
