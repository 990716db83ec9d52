/** JSON value types and lossless typed-array encoding for saved state. */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Float64Array → JSON array. NaN and ±Infinity are not JSON numbers, so they are written as the
 * strings "NaN", "Infinity" and "-Infinity"; every finite double round-trips exactly because
 * JSON.stringify prints the shortest representation that parses back to the same double.
 */
export function encodeFloats(values: ArrayLike<number>): JsonValue[] {
  const out: JsonValue[] = new Array<JsonValue>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = Number.isFinite(v) ? v : String(v);
  }
  return out;
}

export function decodeFloats(values: unknown, what = 'array'): Float64Array {
  if (!Array.isArray(values)) throw new TypeError(`${what}: expected an array`);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v === 'number') out[i] = v;
    else if (v === 'NaN') out[i] = NaN;
    else if (v === 'Infinity') out[i] = Infinity;
    else if (v === '-Infinity') out[i] = -Infinity;
    else throw new TypeError(`${what}[${i}]: expected a number`);
  }
  return out;
}

export function encodeInts(values: ArrayLike<number>): number[] {
  return Array.from(values);
}

export function decodeInts(values: unknown, what = 'array'): Int32Array {
  if (!Array.isArray(values)) throw new TypeError(`${what}: expected an array`);
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${what}[${i}]: expected an integer`);
    out[i] = v;
  }
  return out;
}

/** Narrowing helper for reading saved state. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
