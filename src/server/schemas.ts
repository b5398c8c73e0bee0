// JSON schemas for every request body and query string. Fastify validates with them before a
// handler runs, so handlers only ever see well-shaped input.
import { MUTATION_KINDS, PROTOCOL_LIMITS } from '../shared/sync/protocol';

// Lower-case only: ids are compared as text (idempotency keys, chart ids), and the database
// would fold case, so "ABC…" and "abc…" must not both be accepted as different ids.
const uuid = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const codeSystem = { type: 'string', enum: ['icd10cm', 'icd10pcs', 'hcpcs', 'cpt'] } as const;
const code = { type: 'string', minLength: 1, maxLength: 16, pattern: '^[A-Za-z0-9]+$' } as const;

export const loginBody = {
  type: 'object',
  required: ['name', 'password'],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
} as const;

export const refreshBody = {
  type: 'object',
  required: ['refreshToken'],
  additionalProperties: false,
  properties: { refreshToken: { type: 'string', minLength: 16, maxLength: 256 } },
} as const;

export const pullQuery = {
  type: 'object',
  required: ['cursor'],
  additionalProperties: false,
  properties: {
    // Query strings arrive as text and body validation does not coerce types, so digits are matched here.
    cursor: { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})$' },
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' },
  },
} as const;

export const pushBody = {
  type: 'object',
  required: ['clientId', 'mutations'],
  additionalProperties: false,
  properties: {
    clientId: { type: 'string', minLength: 1, maxLength: 128 },
    mutations: {
      type: 'array',
      maxItems: PROTOCOL_LIMITS.maxMutationsPerPush,
      items: {
        type: 'object',
        required: ['id', 'chartId', 'kind', 'baseLeaseVersion', 'payload'],
        additionalProperties: false,
        properties: {
          id: uuid,
          chartId: uuid,
          kind: { type: 'string', enum: MUTATION_KINDS },
          baseLeaseVersion: { type: ['integer', 'null'], minimum: 0 },
          // Any JSON; the desktop owns its shape. Size is checked per mutation by the handler.
          payload: {},
          createdAt: { type: 'string', maxLength: 64 },
        },
      },
    },
  },
} as const;

export const importedChart = {
  type: 'object',
  required: ['patient', 'encounter', 'documents', 'existingCodes', 'finalCodes'],
  additionalProperties: false,
  properties: {
    patient: {
      type: 'object',
      required: ['id', 'birthYear', 'sex'],
      additionalProperties: false,
      properties: {
        id: uuid,
        birthYear: { type: ['integer', 'null'], minimum: 1800, maximum: 2200 },
        sex: { type: 'string', enum: ['F', 'M', 'U'] },
      },
    },
    encounter: {
      type: 'object',
      required: ['id', 'setting', 'dateOfService', 'payer'],
      additionalProperties: false,
      properties: {
        id: uuid,
        setting: { type: 'string', enum: ['inpatient', 'outpatient', 'professional'] },
        dateOfService: isoDate,
        payer: { type: ['string', 'null'], maxLength: 200 },
      },
    },
    documents: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['id', 'type', 'authorRole', 'date', 'text'],
        additionalProperties: false,
        properties: {
          id: uuid,
          type: { type: 'string', minLength: 1, maxLength: 200 },
          authorRole: { type: ['string', 'null'], maxLength: 200 },
          date: { anyOf: [isoDate, { type: 'null' }] },
          text: { type: 'string', maxLength: 2_000_000 },
        },
      },
    },
    existingCodes: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['system', 'code', 'source'],
        additionalProperties: false,
        properties: { system: codeSystem, code, source: { type: 'string', enum: ['claim', 'problem-list'] } },
      },
    },
    finalCodes: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['system', 'code'],
        additionalProperties: false,
        properties: { system: codeSystem, code },
      },
    },
  },
} as const;

export const importChartsBody = { type: 'array', maxItems: 5000, items: importedChart } as const;
export const importChartsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { teamId: uuid },
} as const;

export const reassignBody = {
  type: 'object',
  required: ['chartIds', 'toUserId'],
  additionalProperties: false,
  properties: { chartIds: { type: 'array', minItems: 1, maxItems: 5000, items: uuid }, toUserId: uuid },
} as const;

export const samplesBody = {
  type: 'object',
  required: ['auditorId', 'chartIds'],
  additionalProperties: false,
  properties: { auditorId: uuid, chartIds: { type: 'array', minItems: 1, maxItems: 5000, items: uuid } },
} as const;

export const orphansQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { status: { type: 'string', enum: ['open', 'resolved', 'all'] } },
} as const;

export const resolveOrphanBody = {
  type: 'object',
  required: ['action', 'note'],
  additionalProperties: false,
  properties: { action: { type: 'string', enum: ['apply', 'discard'] }, note: { type: 'string', minLength: 1, maxLength: 2000 } },
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;

export const codeSetNoticeBody = {
  type: 'object',
  required: ['system', 'fiscalYear', 'codeSetVersion'],
  additionalProperties: false,
  properties: {
    system: { type: 'string', minLength: 1, maxLength: 32 },
    fiscalYear: { type: 'integer', minimum: 2000, maximum: 2200 },
    codeSetVersion: { type: 'string', minLength: 1, maxLength: 64 },
    note: { type: ['string', 'null'], maxLength: 2000 },
  },
} as const;
