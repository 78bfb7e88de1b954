// The eucomply HTTP API (/api/v1/, served by `eucomply serve`): types of the JSON it returns
// and one function per call. The assessment schema is the one of
// `eucomply assess --format json` (docs/assessment-schema.md).
//
// The types come from the server's OpenAPI document (src/server/openapi.json), generated into
// api-types.ts by openapi-typescript (`npm run gen:api`; the build fails when it is stale).
// Where the document describes a shape, the type below is the generated one. Where it is looser
// than what the server sends (a bare `type: object`, no `required` list, a field it does not
// name), the type refines the generated one with a narrow local type, and the comment says what
// the document lacks and where the server writes the field.
import type { components } from './api-types';
import type { Lang } from './i18n';

type Schemas = components['schemas'];

// ---- the assessment (POST /api/v1/assess, POST /api/v1/next-question) ----

// One act of the Assessment schema, as the document gives it.
type AssessedAct = Schemas['Assessment']['acts'][number];

export type Status = NonNullable<AssessedAct['status']>;

// An attribute value the page sends. ProductRequest leaves values open
// (`additionalProperties: true`); these are the forms docs/product-format.md reads.
export type AttrValue = boolean | number | string | string[] | null;

// What the page sends: a product document (docs/product-format.md) plus free text, with the
// attributes the user declined to answer (`skip`, "category" for the category), which only
// POST next-question takes.
export type ProductDoc = Pick<Schemas['NextQuestionRequest'], 'name' | 'description' | 'category' | 'text' | 'skip'> & {
  attributes?: Record<string, AttrValue>;
};

// The document types reasons and obligations as bare objects; these are the fields
// WriteReason / WriteObligation write (src/rules/assessment_json.cc). Citations are strings.
export interface Reason {
  kind: string;
  rule?: string;
  outcome?: string;
  date?: string;
  text: string;
  citation?: string;
  unconfirmed?: boolean;
}

export interface Obligation {
  id: string;
  kind: string;
  role: string;
  role_name?: string;
  status: Status;
  from?: string;
  text: string;
  citation: string;
  unconfirmed: boolean;
  languages?: string;
  modules?: string[];
  notified_body?: 'required' | 'optional' | 'not_required' | 'depends';
  standards: { id: string; ref: string; title: string }[];
}

// A standard that fits the product under an act (knowledge/standards/fit; docs/standards.md):
// not in the document (WriteFit, src/rules/assessment_json.cc).
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

// An act of the assessment. The document lists no required field (the server always writes
// celex, short_name, title, status, reasons and missing_attributes) and does not name the act's
// dates, successor or standards (WriteActVerdict, src/rules/assessment_json.cc).
export type ActResult = Required<Pick<AssessedAct, 'celex' | 'short_name' | 'title' | 'status' | 'missing_attributes'>> & {
  number?: string;
  ce_marking?: boolean;
  harmonised?: boolean;
  applies_from?: string;
  applies_until?: string;
  successor?: { celex: string; short_name: string };
  reasons: Reason[];
  obligations?: Obligation[];
  standards_fit?: StandardFit[];
  standards_list?: { count: number; query: string };
};

// An attribute's value, one of the Attribute schema's.
export type QuestionValue = NonNullable<Schemas['Attribute']['values']>[number];

// The document's Question has a free `type`, value items without required fields and no
// `decides` ("obligations": every act is decided; the answer decides which of their duties
// bind), which the server always writes (WriteQuestion, src/rules/assessment_json.cc).
export type Question = Omit<Schemas['Question'], 'type' | 'values'> & {
  type: 'bool' | 'number' | 'enum' | 'set' | 'category';
  decides?: 'acts' | 'obligations';
  values?: QuestionValue[];
};

// A fact about the product. The document types it as a bare object; the server writes the
// value as a string (ValueToString: "true", "230 V", "a,b"), its display text, label and source
// (WriteProduct, src/rules/assessment_json.cc).
export interface ProductAttribute {
  value: string;
  display: string;
  label: string;
  source: string;
  evidence?: string;
}

export interface CategoryCandidate {
  id: string;
  name: string;
  p: number;
}

// The product as the server read it. The document types the category as a bare object and
// does not name category_candidates: read from the description without enough confidence,
// the likeliest categories (WriteProduct).
export type AssessedProduct = Pick<Schemas['Product'], 'name' | 'description'> & {
  category?: { id: string; name: string; source: string; evidence?: string; confidence?: number } | null;
  category_candidates?: CategoryCandidate[];
  attributes?: Record<string, ProductAttribute>;
};

// The document does not name `summary` (acts per status; AssessmentJson).
export type Assessment = Omit<Schemas['Assessment'], 'acts' | 'product' | 'next_question'> & {
  product: AssessedProduct;
  acts: ActResult[];
  summary?: Record<Status, number>;
  next_question?: Question | null;
};

export type NextQuestionAnswer = Omit<Schemas['NextQuestionResponse'], 'question'> & { question: Question | null };

// ---- the knowledge base (GET /api/v1/standards, categories, attributes) ----

export type StandardEntry = Schemas['Standard'];
export type CategoryEntry = Schemas['Category'];
export type AttributeEntry = Schemas['Attribute'];

// A row of an act's Official Journal list (GET /api/v1/standards?act=&as_of=): the document's
// StandardList does not name `harmonised` (StandardsRoute, src/server/routes_kb.cc).
export interface HarmonisedRow extends ListRow {
  act: string;
  act_name?: string;
  title: string;
  notes: string[];
}

export type HarmonisedAnswer = Schemas['StandardList'] & {
  harmonised?: { as_of: string; count: number; rows: HarmonisedRow[]; source: string };
};

// ---- Safety Gate alerts (GET /api/v1/alerts/search, stats, {case}; POST lessons) ----

export type FacetCount = Schemas['FacetCount'];
export type AlertHit = Schemas['SearchHit'];

// The document does not name the expansion of a Chinese query into the English words of the
// alerts (the bilingual lexicon; src/server/routes_alerts.cc).
export type SearchResult = Schemas['SearchResponse'] & {
  expanded_query?: string;
  expanded_from?: { zh: string; en: string[] }[];
};

export type Stats = Schemas['StatsResponse'];

// The document types an alert's acts and measures as bare objects and names only some of its
// fields; AlertJson (src/alerts/alerts_json.cc) writes all of these, always.
export interface Measure {
  operator_type: string;
  operator_role: 'ordered' | 'taking';
  category: string;
  date: string | null;
  date_text: string;
}

export type AlertDetail = Required<Omit<Schemas['Alert'], 'acts' | 'measures'>> & {
  acts: { celex: string; name: string }[];
  measures: Measure[];
  model: string;
  batch: string;
  barcode: string;
  barcodes: { text: string; digits: string; valid: boolean }[];
  measures_text: string;
  description: string;
  notifying_country: string;
  user_type: string;
  online_trader: string;
  company_recall_code: string;
  production_dates: string;
  recall_url: string;
};

// A case number is not unique in the official files: the answer lists every alert with it.
export type AlertsByCase = Omit<Schemas['AlertCase'], 'alerts'> & { alerts: AlertDetail[] };

export interface Tally {
  key: string;
  label: string;
  count: number;
  cases: string[];
}

// The document's Lessons names four fields, two of them arrays of bare objects; these are the
// fields of `eucomply alerts lessons --format json` (src/alerts/lessons.cc).
export type Lessons = Required<Omit<Schemas['Lessons'], 'alerts' | 'checklist'>> & {
  product: { name: string; category: string; safety_gate_categories: string[] };
  scope: string;
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
};

// The document does not name the alerts' freshness (Health, src/server/routes_meta.cc).
export type Health = Omit<Schemas['Health'], 'alerts'> & {
  alerts: Schemas['Health']['alerts'] & { data_as_of?: string; stale?: boolean; warning?: string };
};

// ---- errors ----

export type ErrorDetail = Schemas['Error']['error']['details'][number];

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
    // The Error schema; a body that is not one (a proxy's page, a bare {"error": "..."}) still
    // gives what message it has.
    const b = body as { error?: string | Partial<Schemas['Error']['error']>; message?: string } | null;
    const msg = (typeof b?.error === 'string' ? b.error : b?.error?.message) ?? b?.message ?? '';
    const details: ErrorDetail[] = typeof b?.error === 'object' && Array.isArray(b.error?.details) ? b.error.details : [];
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

export function alertDetail(caseNumber: string, lang: Lang): Promise<AlertsByCase> {
  return call<AlertsByCase>(`alerts/${encodeURIComponent(caseNumber)}`, lang, undefined, false);
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

export type Level = Schemas['RiskResponse']['level'];

// The hazard library. The document types its lists as bare objects; these are the fields of
// GET /api/v1/risk/hazards (src/server/routes_risk.cc).
export interface RiskHazard {
  id: string;
  name: string;
  group: string;
  group_name?: string;
  severity: number;
  steps: string[];
  injuries: string[];
}

export type RiskLibrary = Pick<Schemas['RiskHazards'], 'category'> & {
  hazards: RiskHazard[];
  injuries: { id: string; severity: number; name: string }[];
  injury_source: string;
  suggested: { hazard: string; name: string; alerts: number; share: number; examples: string[] }[];
  suggested_from?: { category: string; category_name: string; alerts: number; split: string };
  bands: { band: number; range: string; name: string }[];
  severities: { severity: number; name: string }[];
  matrix: Level[][];
  matrix_cite: string;
};

// What the page sends: the RiskRequest schema, with every step's text and its probability as
// written ("1/100"), and the product as POST assess reads it (the document types it as a bare
// object) with its kinds.
type RiskRequest = Schemas['RiskRequest'];
type RiskScenarioRequest = RiskRequest['scenarios'][number];
type RiskStepRequest = RiskScenarioRequest['steps'][number];

export interface RiskStepDoc extends RiskStepRequest {
  text: string;
  probability: string;
}

export interface RiskScenarioDoc extends Omit<RiskScenarioRequest, 'steps'> {
  steps: RiskStepDoc[];
}

export type UserGroup = NonNullable<NonNullable<RiskRequest['user']>['group']>;

export type RiskDoc = Omit<RiskRequest, 'product' | 'scenarios'> & {
  product: Omit<ProductDoc, 'skip'> & { kinds?: string[] };
  scenarios: RiskScenarioDoc[];
};

// The answer. The document lists the scenarios' and sensitivity's fields without `required`,
// leaves the presumption's grounds bare objects and does not name the levels' names; these are
// the fields of `eucomply risk --format json` (src/server/routes_risk.cc).
type RiskResponse = Schemas['RiskResponse'];

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

export type RiskSensitivity = Required<Omit<RiskResponse['sensitivity'][number], 'level'>> & {
  change: string;
  level: Level;
  level_name: string;
};

export interface RiskPresumption {
  point: string;
  summary: string;
  scenario?: number;
  missing?: string[];
}

export type RiskResult = Required<Pick<RiskResponse, 'level' | 'level_name' | 'deciding_scenario' | 'notes'>> &
  Pick<RiskResponse, 'report'> & {
    outcome: Level;
    outcome_name: string;
    scenarios: RiskScenarioResult[];
    presumption: { applies: boolean; grounds: RiskPresumption[]; possible: RiskPresumption[] };
    sensitivity: RiskSensitivity[];
  };

export function riskLibrary(doc: ProductDoc, category: string | null, lang: Lang): Promise<RiskLibrary> {
  const q = category || doc.category ? `category=${encodeURIComponent(category || doc.category || '')}` : `text=${encodeURIComponent(doc.text || doc.name || '')}`;
  return call<RiskLibrary>(`risk/hazards?${q}`, lang);
}

export function assessRisk(doc: RiskDoc, lang: Lang, report = false): Promise<RiskResult> {
  return call<RiskResult>(report ? 'risk?report=markdown' : 'risk', lang, { method: 'POST', body: JSON.stringify(doc) });
}

// An act's whole Official Journal list as of a date (GET /api/v1/standards?act=&as_of=).
export function harmonisedList(act: string, asOf: string, lang: Lang): Promise<HarmonisedAnswer> {
  return call(`standards?act=${encodeURIComponent(act)}&as_of=${encodeURIComponent(asOf)}`, lang);
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
