// GENERATED FILE, do not edit: the types of the eucomply HTTP API, made by openapi-typescript
// from src/server/openapi.json. After changing the OpenAPI document, run `npm run gen:api` in
// web/ and commit this file; the build (scripts/build-web, `npm run check:api`) fails while it
// is out of date. The page's own names for these types are in api.ts.

export interface paths {
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness, with the size of the knowledge base and whether the alert store is available */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Program and API version */
        get: operations["getVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assess a product: which acts apply, why, what they require, and the next question to ask
         * @description The body is a product document as `eucomply assess` reads it (name, description, category, attributes), or {"text": "..."} for free-text intake, or both (given values win over values read from the text). The answer has the schema of `eucomply assess --format json`.
         */
        post: operations["assess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/next-question": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The question whose answer settles the most undetermined acts */
        post: operations["nextQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assess a product's risk: each scenario's probability, band and level, the product's level, presumptions of serious risk and a sensitivity analysis
         * @description The body is a risk document (docs/risk-format.md) as JSON: product, user, facts, scenarios (one per hazard, 3 to 5 steps each with a probability, and a severity 1-4 or an injury type). Probabilities are decimals, fractions ("1/100"), "1 in 100", percentages or band names. The answer has the schema of `eucomply risk --format json`. Errors name the field by JSON pointer.
         */
        post: operations["assessRisk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/hazards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hazard library: hazards with scenario templates and suggested severities, injury types, bands, the risk grid, and the hazards the Safety Gate alerts of a product category named */
        get: operations["riskHazards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every act of the knowledge base (summary form) */
        get: operations["listActs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/acts/{celex}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One act in full: dates, scope, exclusions, notes, milestones, obligations */
        get: operations["getAct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/standards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Harmonised standards, optionally those cited under one act */
        get: operations["listStandards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/standards/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** End-of-presumption dates of harmonised standards in a period (for change tracking), earliest first, with successors */
        get: operations["standardEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/standards/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One harmonised standard in the Official Journal lists: its acts, rows, dates, state on a date and successor */
        get: operations["getStandard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product taxonomy: every category with its parents, Safety Gate names and the attribute values it implies */
        get: operations["listCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attributes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The attributes a product document may give, with types, units, questions and values */
        get: operations["listAttributes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Full-text search of Safety Gate alerts with filters and facet counts
         * @description Filters repeat: within one filter any value matches, across filters all must. A value matches a facet value equal to it ignoring case, else one containing it (origin=china matches "People's Republic of China").
         */
        get: operations["searchAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alert counts by facet, under the same filters as search */
        get: operations["alertStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/lessons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Past alerts like a product, as a pre-shipment test checklist */
        post: operations["alertLessons"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{case}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every alert with a case number (usually one) */
        get: operations["getAlert"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @example 400 */
                status: number;
                /** @example invalid_argument */
                code: string;
                message: string;
                details: {
                    /**
                     * @description JSON pointer into the request body; "" is the whole body
                     * @example /attributes/voltage_ac
                     */
                    pointer?: string;
                    /** @description The query parameter at fault */
                    parameter?: string;
                    line?: number;
                    column?: number;
                    message: string;
                }[];
            };
        };
        ProductRequest: {
            name?: string;
            description?: string;
            /** @description A knowledge-base category id, e.g. kettle, plush_toy */
            category?: string;
            /** @description attribute id: value (true/false, a number in the canonical unit or a string such as "230 V", an enum value id, or a list of set member ids) */
            attributes?: {
                [key: string]: unknown;
            };
            /** @description Free-text description, English or Chinese; fills what the document does not give */
            text?: string;
            /**
             * Format: date
             * @description Assess on this date (default today, UTC)
             */
            as_of?: string;
        };
        NextQuestionRequest: {
            name?: string;
            description?: string;
            category?: string;
            attributes?: {
                [key: string]: unknown;
            };
            text?: string;
            /** Format: date */
            as_of?: string;
            /** @description Attribute ids (or "category") the user declined to answer */
            skip?: string[];
        };
        /** @description At least one of name, description, text or category */
        LessonsRequest: {
            name?: string;
            description?: string;
            category?: string;
            attributes?: {
                [key: string]: unknown;
            };
            text?: string;
            /**
             * @description Similar alerts to learn from
             * @default 25
             */
            alerts: number;
        };
        Question: {
            attribute: string;
            type: string;
            label?: string;
            question: string;
            why?: string;
            unit?: string;
            settles?: number;
            acts?: string[];
            values?: {
                id?: string;
                label?: string;
            }[];
        };
        Product: {
            name?: string;
            description?: string;
            category?: Record<string, unknown> | null;
            attributes?: {
                [key: string]: Record<string, unknown>;
            };
        };
        /** @description The schema of `eucomply assess --format json` (docs/assessment-schema.md) */
        Assessment: {
            /** Format: date */
            as_of: string;
            /** @enum {string} */
            lang: "en" | "zh";
            product: components["schemas"]["Product"];
            acts: {
                celex?: string;
                short_name?: string;
                title?: string;
                /** @enum {string} */
                status?: "applies" | "not_applicable" | "undetermined" | "upcoming" | "no_longer_applies";
                reasons?: Record<string, unknown>[];
                missing_attributes?: string[];
                obligations?: Record<string, unknown>[];
            }[];
            next_question?: components["schemas"]["Question"] | null;
        };
        NextQuestionResponse: {
            /** Format: date */
            as_of: string;
            /** @enum {string} */
            lang?: "en" | "zh";
            question: components["schemas"]["Question"] | null;
            /** @description Short names of the acts still undetermined */
            undetermined: string[];
            product: components["schemas"]["Product"];
        };
        Act: {
            celex: string;
            short_name: string;
            number?: string;
            kind?: string;
            title: string;
            summary?: string;
            harmonised?: boolean;
            ce_marking?: boolean;
            entry_into_force?: Record<string, unknown>;
            applies_from?: Record<string, unknown>;
            applies_until?: Record<string, unknown>;
            scope?: Record<string, unknown>[];
            exclusions?: Record<string, unknown>[];
            notes?: Record<string, unknown>[];
            milestones?: Record<string, unknown>[];
            obligations?: Record<string, unknown>[];
        };
        ActList: {
            count: number;
            acts: components["schemas"]["Act"][];
        };
        Standard: {
            id: string;
            ref: string;
            title: string;
            acts: {
                celex?: string;
                short_name?: string;
            }[];
            /** Format: date */
            oj_date?: string;
            superseded_by?: string;
            /** Format: date */
            presumption_until?: string;
            citation?: string;
            unconfirmed?: boolean;
        };
        StandardList: {
            count: number;
            standards: components["schemas"]["Standard"][];
        };
        Category: {
            /** @example kettle */
            id: string;
            name: string;
            parents: string[];
            /** @description Safety Gate category names of this category (empty: those of its parents) */
            safety_gate: string[];
            /** @description attribute id: the value this category implies (inherited from parents), written as a product document would */
            defaults: {
                [key: string]: string;
            };
        };
        CategoryList: {
            count: number;
            categories: components["schemas"]["Category"][];
        };
        Attribute: {
            /** @example voltage_ac */
            id: string;
            /** @enum {string} */
            type: "bool" | "number" | "enum" | "set";
            /** @description number attributes: the canonical unit; product documents may give others of the same dimension ('230 V', '1.5 kW') */
            unit?: string;
            label: string;
            question: string;
            why: string;
            values?: {
                id: string;
                label: string;
            }[];
        };
        AttributeList: {
            count: number;
            attributes: components["schemas"]["Attribute"][];
        };
        /** @enum {string} */
        FacetName: "category" | "risk" | "origin" | "notifying" | "level" | "year" | "act" | "standard";
        FacetCount: {
            value: string;
            label: string;
            count: number;
        };
        /** @description Facet name -> the most frequent values among the matching alerts */
        Facets: {
            [key: string]: components["schemas"]["FacetCount"][];
        };
        SearchHit: {
            case_number: string;
            report_date: string;
            category?: string;
            product?: string;
            name?: string;
            brand?: string;
            level?: string;
            country_of_origin?: string;
            risk_type?: string;
            url?: string;
            description?: string;
            score?: number;
        };
        SearchResponse: {
            query: string;
            total: number;
            offset: number;
            limit: number;
            hits: components["schemas"]["SearchHit"][];
            facets: components["schemas"]["Facets"];
        };
        StatsResponse: {
            total: number;
            facets: components["schemas"]["Facets"];
        };
        /** @description The schema of `eucomply alerts show --format json` */
        Alert: {
            case_number: string;
            report_id?: number | null;
            report_date: string;
            report_year?: number;
            report_week?: number;
            order?: number;
            url?: string;
            category?: string;
            product?: string;
            brand?: string;
            name?: string;
            risk_types?: string[];
            risk_description?: string;
            acts?: Record<string, unknown>[];
            standards?: string[];
            measures?: Record<string, unknown>[];
            country_of_origin?: string;
            level?: string;
        };
        AlertCase: {
            case_number: string;
            count: number;
            alerts: components["schemas"]["Alert"][];
        };
        /** @description The schema of `eucomply alerts lessons --format json` */
        Lessons: {
            query?: string;
            matching?: number;
            alerts?: Record<string, unknown>[];
            checklist?: Record<string, unknown>[];
        };
        /** @description A risk document (docs/risk-format.md) */
        RiskRequest: {
            /** @description As POST /api/v1/assess reads it (name, description, category, attributes, text), and kinds (costume, nightwear, electrical, ...) */
            product?: Record<string, unknown>;
            user?: {
                /** @enum {string} */
                group?: "child" | "adult" | "older_person" | "person_with_disability";
                age_months?: number;
                age_years?: number;
                intended?: boolean;
                description?: string;
            };
            facts?: {
                operator_says_serious?: boolean;
                voluntary_measure?: boolean;
                banned_substance?: boolean;
                users_can_protect?: boolean;
                users_informed?: boolean;
            };
            assessor?: string;
            /** Format: date */
            date?: string;
            scenarios: {
                hazard: string;
                description?: string;
                severity?: number;
                injury?: string;
                defective_component?: boolean;
                user?: Record<string, unknown>;
                steps: {
                    text?: string;
                    probability: number | string;
                }[];
            }[];
        };
        /** @description The schema of `eucomply risk --format json` */
        RiskResponse: {
            /** @enum {string} */
            level: "serious" | "high" | "medium" | "low";
            level_name?: string;
            /** @description serious when a presumption applies, else level */
            outcome?: string;
            deciding_scenario?: number;
            scenarios: {
                hazard?: string;
                probability?: string;
                probability_exact?: string;
                band?: number;
                band_range?: string;
                band_name?: string;
                on_boundary?: boolean;
                severity?: number;
                level?: string;
            }[];
            presumption: {
                applies?: boolean;
                grounds?: Record<string, unknown>[];
                possible?: Record<string, unknown>[];
            };
            sensitivity: {
                scenario?: number;
                /** @enum {string} */
                kind?: "probability" | "severity";
                /** @enum {string} */
                direction?: "up" | "down";
                probability?: string;
                band?: number;
                severity?: number;
                level?: string;
                changes_level?: boolean;
            }[];
            notes?: string[];
            /** @description With ?report=markdown */
            report?: string;
        };
        RiskHazards: {
            hazards?: Record<string, unknown>[];
            injuries?: Record<string, unknown>[];
            suggested?: Record<string, unknown>[];
            category?: string;
            bands?: Record<string, unknown>[];
            severities?: Record<string, unknown>[];
            /** @description Annex II 3.6.2: 8 rows (bands) of 4 levels (severity 1-4) */
            matrix?: string[][];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            knowledge_base: {
                acts?: number;
                standards?: number;
                categories?: number;
                attributes?: number;
            };
            alerts: {
                available: boolean;
                count?: number;
                error?: string;
            };
        };
        Version: {
            name: string;
            version: string;
            api: string;
            knowledge_base?: Record<string, unknown>;
        };
    };
    responses: {
        /** @description The request is invalid; each detail names the bad field */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such thing */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body exceeds the size limit (1 MiB by default) */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The alert store is missing or cannot be opened */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Language of texts; overrides Accept-Language */
        lang: "en" | "zh";
        /**
         * @description The best of en / zh by q-value when ?lang is absent
         * @example zh-CN,zh;q=0.9,en;q=0.8
         */
        acceptLanguage: string;
        /** @description Safety Gate category (repeatable) */
        category: string[];
        /** @description Risk type (repeatable) */
        risk: string[];
        /** @description Country of origin (repeatable) */
        origin: string[];
        /** @description Notifying country (repeatable) */
        notifying: string[];
        /** @description Risk level, e.g. serious (repeatable) */
        level: string[];
        /** @description Referenced act: CELEX number or name (repeatable) */
        act: string[];
        /** @description Referenced standard, e.g. EN 71-1 (repeatable) */
        standard: string[];
        /**
         * @description From this report date: a year YYYY (from 1 January) or a date YYYY-MM-DD (that day)
         * @example 2024
         */
        from: string;
        /**
         * @description Until this report date, included: a year YYYY (to 31 December) or a date YYYY-MM-DD
         * @example 2026
         */
        to: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, unknown>;
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Serving */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Version"];
                };
            };
        };
    };
    assess: {
        parameters: {
            query?: {
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: {
                /**
                 * @description The best of en / zh by q-value when ?lang is absent
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["acceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Electric kettle",
                 *       "category": "kettle",
                 *       "attributes": {
                 *         "voltage_ac": "230 V"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ProductRequest"];
            };
        };
        responses: {
            /** @description The assessment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assessment"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
        };
    };
    nextQuestion: {
        parameters: {
            query?: {
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: {
                /**
                 * @description The best of en / zh by q-value when ?lang is absent
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["acceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "text": "USB-C charger 5V 3A",
                 *       "skip": [
                 *         "category"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["NextQuestionRequest"];
            };
        };
        responses: {
            /** @description The next question, or null when nothing is undetermined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NextQuestionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
        };
    };
    assessRisk: {
        parameters: {
            query?: {
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
                /** @description markdown: add the printable report (the one of `eucomply risk --format markdown`) as `report` */
                report?: "markdown";
            };
            header?: {
                /**
                 * @description The best of en / zh by q-value when ?lang is absent
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["acceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "product": {
                 *         "name": "Plush rabbit",
                 *         "category": "plush_toy"
                 *       },
                 *       "user": {
                 *         "group": "child",
                 *         "age_months": 18
                 *       },
                 *       "scenarios": [
                 *         {
                 *           "hazard": "small_parts",
                 *           "severity": 4,
                 *           "steps": [
                 *             {
                 *               "text": "an eye comes off when pulled",
                 *               "probability": "1/10"
                 *             },
                 *             {
                 *               "text": "the child puts it in the mouth",
                 *               "probability": 0.5
                 *             },
                 *             {
                 *               "text": "it blocks the airway",
                 *               "probability": "1/100"
                 *             }
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RiskRequest"];
            };
        };
        responses: {
            /** @description The assessment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
            /** @description The hazard library is not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    riskHazards: {
        parameters: {
            query?: {
                /**
                 * @description A category id (GET /api/v1/categories): its suggested hazards
                 * @example plush_toy
                 */
                category?: string;
                /** @description A listing text, when no category is given: the category the text intake reads from it */
                text?: string;
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: {
                /**
                 * @description The best of en / zh by q-value when ?lang is absent
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["acceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The library */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskHazards"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The hazard library is not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listActs: {
        parameters: {
            query?: {
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: {
                /**
                 * @description The best of en / zh by q-value when ?lang is absent
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["acceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The acts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActList"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getAct: {
        parameters: {
            query?: {
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: {
                /**
                 * @description The best of en / zh by q-value when ?lang is absent
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["acceptLanguage"];
            };
            path: {
                /**
                 * @description CELEX number (32014L0035) or short name (LVD)
                 * @example 32014L0035
                 */
                celex: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The act */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Act"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    listStandards: {
        parameters: {
            query?: {
                /**
                 * @description CELEX number or short name
                 * @example LVD
                 */
                act?: string;
                /** @description The date of the Official Journal lists (YYYY-MM-DD; default today) */
                as_of?: string;
                /**
                 * @description Words the reference or title must contain (searches the Official Journal lists of every act)
                 * @example 60335-2-15
                 */
                q?: string;
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: {
                /**
                 * @description The best of en / zh by q-value when ?lang is absent
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["acceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The standards */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StandardList"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    standardEvents: {
        parameters: {
            query?: {
                /** @description From this date (YYYY-MM-DD; default today) */
                from?: string;
                /** @description Until this date, excluded (default three years later) */
                to?: string;
                /** @description One act: CELEX or short name */
                act?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from?: string;
                        to?: string;
                        count?: number;
                        events?: Record<string, unknown>[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The lists are not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStandard: {
        parameters: {
            query?: {
                /** @description The date the state is given for (YYYY-MM-DD; default today) */
                as_of?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The reference, URL-encoded (EN%2060335-1%3A2012); a number without edition finds every edition
                 * @example EN 60335-2-15:2016
                 */
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reference?: string;
                        as_of?: string;
                        rows?: Record<string, unknown>[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            /** @description The lists are not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: {
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: {
                /**
                 * @description The best of en / zh by q-value when ?lang is absent
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["acceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryList"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    listAttributes: {
        parameters: {
            query?: {
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: {
                /**
                 * @description The best of en / zh by q-value when ?lang is absent
                 * @example zh-CN,zh;q=0.9,en;q=0.8
                 */
                "Accept-Language"?: components["parameters"]["acceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attributes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttributeList"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    searchAlerts: {
        parameters: {
            query?: {
                /**
                 * @description Words (all must match), "quoted phrases", prefix*, or a barcode
                 * @example charger
                 */
                q?: string;
                /** @description Safety Gate category (repeatable) */
                category?: components["parameters"]["category"];
                /** @description Risk type (repeatable) */
                risk?: components["parameters"]["risk"];
                /** @description Country of origin (repeatable) */
                origin?: components["parameters"]["origin"];
                /** @description Notifying country (repeatable) */
                notifying?: components["parameters"]["notifying"];
                /** @description Risk level, e.g. serious (repeatable) */
                level?: components["parameters"]["level"];
                /** @description Referenced act: CELEX number or name (repeatable) */
                act?: components["parameters"]["act"];
                /** @description Referenced standard, e.g. EN 71-1 (repeatable) */
                standard?: components["parameters"]["standard"];
                /**
                 * @description From this report date: a year YYYY (from 1 January) or a date YYYY-MM-DD (that day)
                 * @example 2024
                 */
                from?: components["parameters"]["from"];
                /**
                 * @description Until this report date, included: a year YYYY (to 31 December) or a date YYYY-MM-DD
                 * @example 2026
                 */
                to?: components["parameters"]["to"];
                /** @description Hits to return */
                limit?: number;
                /** @description Hits to skip */
                offset?: number;
                /** @description Values per facet (0: all) */
                facet_limit?: number;
                /** @description Match any word instead of all */
                any?: boolean;
                /** @description json (default); csv or xlsx: every match (not one page) as a download */
                format?: "json" | "csv" | "xlsx";
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hits and facet counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertStats: {
        parameters: {
            query?: {
                /** @description Words, as for search: the counts are of the matching alerts */
                q?: string;
                /** @description Any word may match */
                any?: boolean;
                /**
                 * @description One facet; all facets when absent
                 * @example risk
                 */
                by?: components["schemas"]["FacetName"];
                /** @description Safety Gate category (repeatable) */
                category?: components["parameters"]["category"];
                /** @description Risk type (repeatable) */
                risk?: components["parameters"]["risk"];
                /** @description Country of origin (repeatable) */
                origin?: components["parameters"]["origin"];
                /** @description Notifying country (repeatable) */
                notifying?: components["parameters"]["notifying"];
                /** @description Risk level, e.g. serious (repeatable) */
                level?: components["parameters"]["level"];
                /** @description Referenced act: CELEX number or name (repeatable) */
                act?: components["parameters"]["act"];
                /** @description Referenced standard, e.g. EN 71-1 (repeatable) */
                standard?: components["parameters"]["standard"];
                /**
                 * @description From this report date: a year YYYY (from 1 January) or a date YYYY-MM-DD (that day)
                 * @example 2024
                 */
                from?: components["parameters"]["from"];
                /**
                 * @description Until this report date, included: a year YYYY (to 31 December) or a date YYYY-MM-DD
                 * @example 2026
                 */
                to?: components["parameters"]["to"];
                /** @description Values per facet (default: all with by, 10 without; 0: all) */
                limit?: number;
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            503: components["responses"]["Unavailable"];
        };
    };
    alertLessons: {
        parameters: {
            query?: {
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "USB charger",
                 *       "description": "USB-C wall charger 5V 3A",
                 *       "alerts": 10
                 *     }
                 */
                "application/json": components["schemas"]["LessonsRequest"];
            };
        };
        responses: {
            /** @description Similar alerts and what they teach */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lessons"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAlert: {
        parameters: {
            query?: {
                /** @description Language of texts; overrides Accept-Language */
                lang?: components["parameters"]["lang"];
            };
            header?: never;
            path: {
                /**
                 * @description Case number, URL-encoded (SR/02275/26 is SR%2F02275%2F26)
                 * @example SR/02275/26
                 */
                case: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The alerts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertCase"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
}
