/**
 * Copies plain data (objects, arrays, typed arrays, primitives) with every typed array moved into
 * a SharedArrayBuffer. Posting the result to workers then shares the columns instead of copying
 * them, so N workers cost one copy of the data, and a replacement worker starts without a copy.
 * Trials only read their data, as they already do when all trials share one object in-process.
 */

type ViewConstructor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView;

function shareView(view: ArrayBufferView): ArrayBufferView {
  const shared = new SharedArrayBuffer(view.byteLength);
  new Uint8Array(shared).set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  // Typed arrays take an element count, a DataView a byte count.
  const bytesPerElement = 'BYTES_PER_ELEMENT' in view && typeof view.BYTES_PER_ELEMENT === 'number' ? view.BYTES_PER_ELEMENT : 1;
  return new (view.constructor as ViewConstructor)(shared, 0, view.byteLength / bytesPerElement);
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function share(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return value.buffer instanceof SharedArrayBuffer ? value : shareView(value);
  if (Array.isArray(value)) return value.map(share);
  if (typeof value === 'object' && value !== null && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = share(item);
    return out;
  }
  return value;
}

export function withSharedArrays<T>(value: T): T {
  return share(value) as T;
}
