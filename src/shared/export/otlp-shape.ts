import { z } from 'zod';

/**
 * The OTLP/JSON encoding of an ExportTraceServiceRequest (opentelemetry-proto, trace/v1), as a collector's
 * OTLP/HTTP receiver parses it: lowerCamelCase fields, trace and span IDs as hex, 64-bit integers as decimal strings,
 * enums as numbers. Strict, so a misspelt field fails here rather than being dropped by a collector.
 */
const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`)).refine((id) => /[1-9a-f]/.test(id), 'an all-zero ID is invalid');
const uint64 = z.string().regex(/^\d{1,20}$/);
const int64 = z.union([z.string().regex(/^-?\d{1,19}$/), z.number().int()]);

type AnyValue = { stringValue: string } | { boolValue: boolean } | { intValue: string | number } | { doubleValue: number } | { arrayValue: { values: AnyValue[] } } | { kvlistValue: { values: KeyValue[] } } | { bytesValue: string };
type KeyValue = { key: string; value: AnyValue };

const anyValue: z.ZodType<AnyValue> = z.lazy(() =>
  z.union([
    z.strictObject({ stringValue: z.string() }),
    z.strictObject({ boolValue: z.boolean() }),
    z.strictObject({ intValue: int64 }),
    z.strictObject({ doubleValue: z.number() }),
    z.strictObject({ arrayValue: z.strictObject({ values: z.array(anyValue) }) }),
    z.strictObject({ kvlistValue: z.strictObject({ values: z.array(keyValue) }) }),
    z.strictObject({ bytesValue: z.string() }),
  ]),
);
const keyValue: z.ZodType<KeyValue> = z.lazy(() => z.strictObject({ key: z.string().min(1), value: anyValue }));
const attributes = z.array(keyValue).optional();

export const otlpSpan = z.strictObject({
  traceId: hex(32),
  spanId: hex(16),
  traceState: z.string().optional(),
  parentSpanId: z.union([hex(16), z.literal('')]).optional(),
  flags: z.number().int().optional(),
  name: z.string().min(1),
  kind: z.number().int().min(0).max(5),
  startTimeUnixNano: uint64,
  endTimeUnixNano: uint64,
  attributes,
  droppedAttributesCount: z.number().int().optional(),
  events: z.array(z.strictObject({ timeUnixNano: uint64, name: z.string(), attributes, droppedAttributesCount: z.number().int().optional() })).optional(),
  droppedEventsCount: z.number().int().optional(),
  links: z.array(z.strictObject({ traceId: hex(32), spanId: hex(16), traceState: z.string().optional(), attributes, flags: z.number().int().optional() })).optional(),
  droppedLinksCount: z.number().int().optional(),
  status: z.strictObject({ message: z.string().optional(), code: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional() }).optional(),
});

export const exportTraceServiceRequest = z.strictObject({
  resourceSpans: z.array(
    z.strictObject({
      resource: z.strictObject({ attributes, droppedAttributesCount: z.number().int().optional() }).optional(),
      scopeSpans: z.array(
        z.strictObject({
          scope: z.strictObject({ name: z.string(), version: z.string().optional(), attributes, droppedAttributesCount: z.number().int().optional() }).optional(),
          spans: z.array(otlpSpan),
          schemaUrl: z.string().optional(),
        }),
      ),
      schemaUrl: z.string().optional(),
    }),
  ),
});

export type OtlpSpan = z.infer<typeof otlpSpan>;
