// What GeoReport v2 (https://wiki.open311.org/GeoReport_v2) clients send and get back. Field names
// and shapes are the specification's, so a client written for any Open311 city works unchanged.
import { z } from 'zod';
import { bodyId } from '../../platform/http/schemas.ts';

/** Where the GeoReport v2 endpoint lives. */
export const BASE_PATH = '/open311/v2';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

/** The longest span one GET requests may cover (the specification's). */
export const MAX_SPAN_DAYS = 90;
/** At most this many requests in one answer (the specification's default limit). */
export const MAX_REQUESTS = 1000;

/**
 * An optional argument. GeoReport: "the response should be the same whether a parameter is passed
 * and is empty or is not passed at all" — so an empty value is absent, never refused.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(''), schema])
    .optional()
    .transform((value) => (value === '' ? undefined : (value as z.output<T>)));

/** A W3C date-time with its time zone (seconds optional), as the specification requires. */
const w3cDateTime = (name: string) =>
  z
    .string()
    .max(40)
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
      `${name} 须为带时区的 W3C 日期时间，如 2025-01-01T00:00:00+08:00`,
    )
    .refine((value) => !Number.isNaN(Date.parse(value)), `${name} 不是有效的日期时间`);

/** A decimal number sent as a form value (a JSON client may send a number). */
const decimal = (name: string, limit: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^[+-]?\d{1,3}(\.\d{1,15})?$/, `${name} 须为数字`)
        .transform(Number),
    ])
    .pipe(z.number().min(-limit, `${name} 超出范围`).max(limit, `${name} 超出范围`));

/**
 * A list argument: comma-delimited, and the key may also be repeated (`?status=open&status=closed`).
 * Empty items are dropped; an empty list is the same as no argument.
 */
const commaList = (name: string, maxItems: number, maxLength: number) =>
  z
    .union([
      z.string().max(maxItems * (maxLength + 1)),
      z.array(z.string().max(maxItems * (maxLength + 1))).max(maxItems),
    ])
    .transform((value) =>
      [value]
        .flat()
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((items) => items.length <= maxItems, `${name} 最多 ${maxItems} 个`)
    .refine(
      (items) => items.every((item) => item.length <= maxLength),
      `${name} 的每一项不超过 ${maxLength} 个字符`,
    )
    .transform((items) => (items.length > 0 ? items : undefined));

/** Accepted on every call; this endpoint serves one jurisdiction, so it is not needed (the spec allows that). */
const jurisdiction = { jurisdiction_id: optional(z.string().max(100)) };

export const jurisdictionQuery = z.object(jurisdiction);

export const serviceCodeParams = z.object({ service_code: z.string().max(60) });
export const requestIdParams = z.object({ service_request_id: z.string().max(40) });

/** The one input attribute of every service (GET services/{code} names it). */
export const PREFERRED_AT = 'preferred_at';

/** POST requests: application/x-www-form-urlencoded, as GeoReport clients send it (JSON works too). */
export const postRequestBody = z.object({
  ...jurisdiction,
  api_key: optional(z.string().max(100)),
  service_code: z.string({ error: '缺少 service_code' }).trim().min(1, '缺少 service_code').max(60),
  lat: optional(decimal('lat', 90)),
  long: optional(decimal('long', 180)),
  address_string: optional(z.string().trim().max(120, 'address_string 不超过 120 个字')),
  address_id: optional(bodyId),
  email: optional(z.string().max(100)),
  device_id: optional(z.string().max(100)),
  account_id: optional(z.string().max(100)),
  first_name: optional(z.string().trim().max(20, 'first_name 不超过 20 个字')),
  last_name: optional(z.string().trim().max(20, 'last_name 不超过 20 个字')),
  phone: optional(z.string().trim().max(20, 'phone 不超过 20 个字符')),
  description: optional(z.string().trim().max(500, '需求描述不超过 500 个字')),
  media_url: optional(z.string().max(500)),
  [`attribute[${PREFERRED_AT}]`]: optional(w3cDateTime(`attribute[${PREFERRED_AT}]`)),
});
export type PostRequestBody = z.output<typeof postRequestBody>;

const STATUSES = ['open', 'closed'] as const;

/** GET requests: every argument optional; `service_request_id` overrides all others. */
export const requestsQuery = z.object({
  ...jurisdiction,
  service_request_id: optional(commaList('service_request_id', 200, 40)),
  service_code: optional(commaList('service_code', 100, 60)),
  status: optional(
    commaList('status', 2, 10).refine(
      (items) => !items || items.every((item) => (STATUSES as readonly string[]).includes(item)),
      'status 只能是 open 或 closed',
    ),
  ),
  start_date: optional(w3cDateTime('start_date')),
  end_date: optional(w3cDateTime('end_date')),
});
export type RequestsQuery = z.output<typeof requestsQuery>;

// ---- answers (field order is the specification's, which the XML keeps) ----

export const serviceOut = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type ServiceOut = z.infer<typeof serviceOut>;

export const DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

export const attributeOut = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(DATATYPES),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int().positive(),
  description: z.string(),
  /** Only for singlevaluelist and multivaluelist. */
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});

export const serviceDefinitionOut = z.object({
  service_code: z.string(),
  attributes: z.array(attributeOut),
});
export type ServiceDefinitionOut = z.infer<typeof serviceDefinitionOut>;

/** Every field the specification lists for a service request; null where it is withheld or unknown. */
export const requestOut = z.object({
  service_request_id: z.string(),
  status: z.enum(STATUSES),
  status_notes: z.string().nullable(),
  service_name: z.string().nullable(),
  service_code: z.string().nullable(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string().nullable(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.number().int().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type RequestOut = z.infer<typeof requestOut>;

export const receiptOut = z.object({
  service_request_id: z.string(),
  service_notice: z.string().nullable(),
  account_id: z.string().nullable(),
});
export type ReceiptOut = z.infer<typeof receiptOut>;

export const errorOut = z.object({ code: z.number().int(), description: z.string() });

/** Open311 service discovery (wiki.open311.org/Service_Discovery): where the endpoint is, in which formats. */
export const discoveryOut = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type DiscoveryOut = z.infer<typeof discoveryOut>;
