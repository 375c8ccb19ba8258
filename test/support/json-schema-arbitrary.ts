import fc from 'fast-check';

/**
 * fast-check arbitraries from JSON Schema, for fuzzing tRPC inputs from their zod schemas.
 *
 * Why not a library: zod-fast-check (the usual bridge) supports only zod 3 and fast-check < 4
 * (its peerDependencies), and we run zod 4 and fast-check 4. zod 4 itself exports every schema
 * as JSON Schema (`z.toJSONSchema(schema, { io: 'input' })`), which is a small, stable language;
 * this walker covers the part our schemas use (types, enum/const, anyOf/oneOf/allOf, $ref,
 * objects, arrays, lengths, ranges, uuid/date-time/date/email formats, regex patterns). What
 * JSON Schema cannot say (refinements, transforms) the server still checks: the generated values
 * are "almost valid", which is where input handling breaks.
 */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

export type Hints = {
  /** Ids that exist (records of the scene): a uuid field picks one of them half the time. */
  knownIds?: readonly string[];
  /** Upper bound for generated strings and arrays (the schema's own bounds also apply). */
  maxLength?: number;
  maxItems?: number;
};

/** Text a person or a hostile page might send: any Unicode, markup, controls, NUL, RTL override. */
const nastyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '\u202Egnp.exe', 'a\u200Bb', '\u0000', ' ', '上海宝钢集团', '=cmd|" /C calc"!A0'),
);

function stringOf(s: JsonSchema, hints: Hints, name: string): fc.Arbitrary<string> {
  const maxLength = Math.min(s.maxLength ?? Infinity, hints.maxLength ?? 80);
  const minLength = s.minLength ?? 0;
  if (s.format === 'uuid') return fc.oneof(fc.uuid({ version: 7 }), ...(hints.knownIds?.length ? [fc.constantFrom(...hints.knownIds)] : []));
  if (s.format === 'date-time') return fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'email' || /email|address/i.test(name)) {
    return fc.oneof(fc.emailAddress(), fc.constantFrom('张伟@例子.中国', 'a@b', 'x@@y.example'), nastyText);
  }
  const plain = fc.oneof(fc.string({ minLength: Math.min(minLength, maxLength), maxLength: Math.max(minLength, maxLength) }), nastyText);
  if (s.pattern && s.pattern.length < 300) {
    const matching = fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? Infinity) && v.length >= minLength);
    return fc.oneof({ arbitrary: matching, weight: 3 }, { arbitrary: plain, weight: 1 });
  }
  return plain;
}

function numberOf(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : undefined);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : undefined);
  const inRange = integer
    ? fc.integer({ min: Math.max(min ?? -1e9, -Number.MAX_SAFE_INTEGER), max: Math.min(max ?? 1e9, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: min ?? -1e12, max: max ?? 1e12, noNaN: true });
  // Just outside the range, and the doubles that break arithmetic.
  return fc.oneof({ arbitrary: inRange, weight: 4 }, { arbitrary: fc.constantFrom(-1, 0, 1e21, -0, 2 ** 53, (max ?? 0) + 1, (min ?? 0) - 1), weight: 1 });
}

export function arbitraryOf(schema: JsonSchema, hints: Hints = {}, root: JsonSchema = schema, name = ''): fc.Arbitrary<unknown> {
  const s = schema.$ref ? (root.$defs?.[schema.$ref.replace('#/$defs/', '')] ?? {}) : schema;
  const next = (child: JsonSchema, childName = name) => arbitraryOf(child, hints, root, childName);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((c) => next(c)));
  if (s.allOf) return next(Object.assign({}, ...s.allOf) as JsonSchema);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => next({ ...s, type: t })));
  switch (type[0]) {
    case 'string':
      return stringOf(s, hints, name);
    case 'integer':
    case 'number':
      return numberOf(s, type[0] === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const maxLength = Math.min(s.maxItems ?? Infinity, Math.max(s.minItems ?? 0, hints.maxItems ?? 4));
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((c) => next(c)));
      return fc.array(s.items ? next(s.items) : fc.jsonValue(), { minLength: s.minItems ?? 0, maxLength });
    }
    case 'object': {
      const required = new Set(s.required ?? []);
      const entries = Object.entries(s.properties ?? {});
      const model = Object.fromEntries(entries.map(([key, child]) => [key, next(child, key)]));
      const extra = s.additionalProperties && typeof s.additionalProperties === 'object' ? fc.dictionary(fc.string({ maxLength: 20 }), next(s.additionalProperties), { maxKeys: 3 }) : fc.constant({});
      return fc.tuple(fc.record(model, { requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)) }), extra).map(([known, more]) => ({ ...more, ...known }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Mostly schema-shaped values, plus a share of plain wrong ones: any JSON, a required field
 * dropped, a field of the wrong type. Both must be answered with a clear refusal, never a crash.
 */
export function fuzzInput(schema: JsonSchema, hints: Hints = {}): fc.Arbitrary<unknown> {
  const shaped = arbitraryOf(schema, hints);
  const broken = shaped.chain((value) =>
    value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0
      ? fc.constantFrom(...Object.keys(value)).chain((key) =>
          fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 1 })).map((wrong) => ({ ...(value as object), [key]: wrong })),
        )
      : fc.jsonValue({ maxDepth: 2 }),
  );
  return fc.oneof({ arbitrary: shaped, weight: 6 }, { arbitrary: broken, weight: 3 }, { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 });
}
