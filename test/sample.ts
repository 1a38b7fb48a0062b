// A plausible valid value for a JSON Schema (as z.toJSONSchema writes it), so that a fuzzed field
// is the only thing wrong in a request and the wrong value gets as far as it can.
type JS = {
  type?: string | string[];
  properties?: Record<string, JS>;
  required?: string[];
  items?: JS;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  anyOf?: JS[];
  oneOf?: JS[];
  allOf?: JS[];
  additionalProperties?: JS | boolean;
};

export function sample(s: JS | undefined, key = ""): unknown {
  if (!s) return "x";
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt.find((a) => a.type !== "null") ?? alt[0], key);
  if (s.allOf?.length) return sample(s.allOf[0], key);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "string": {
      if (s.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (s.format === "date") return "2025-01-01";
      if (s.format === "date-time") return "2025-01-01T00:00:00Z";
      if (s.format === "email") return "someone@test.sortie.dev";
      if (s.format === "uri") return "https://example.test/x";
      if (s.pattern && /\^\[a-z/.test(s.pattern)) return "abc";
      const base = /code/.test(key) ? "TEST-01" : "sample text";
      const min = s.minLength ?? 0;
      const v = base.length >= min ? base : base + "x".repeat(min - base.length);
      return s.maxLength !== undefined ? v.slice(0, s.maxLength) : v;
    }
    case "integer":
    case "number":
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case "boolean":
      return true;
    case "array":
      return Array.from({ length: s.minItems ?? 1 }, () => sample(s.items, key));
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, k);
      return out;
    }
    default:
      return "x";
  }
}
