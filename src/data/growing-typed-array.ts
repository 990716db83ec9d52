/**
 * A Float64Array or Uint8Array filled by appending, of unknown final length, that never holds a
 * column twice while a file is read. Reading a 1 GB file of numbers into blocks and joining them
 * at the end peaked at twice its numbers: the blocks stay until the garbage collector frees them.
 *
 * So the elements go first into an ordinary array (the tail, doubling from 64 to 64 K elements),
 * and past that into a resizable ArrayBuffer (the head): address space is reserved up front and
 * pages are committed as it grows, so it grows in place, and finish() hands its pages back at once
 * (resize to 0). The tail is kept because V8 reads and writes arrays on a resizable buffer several
 * times slower than ordinary ones; the head takes it over in bulk when it is full, and finish()
 * copies everything into one ordinary array, the only kind the models' hot loops should see.
 */

import { AutoMLError } from '../util/errors.ts';

/** The part of ES2024's resizable ArrayBuffer used here (the project's lib is ES2023; Node 20 has it). */
interface ResizableBuffer extends ArrayBuffer {
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}
const ResizableBuffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableBuffer;

interface TypedArrayKind<T extends Float64Array | Uint8Array> {
  new (length: number): T;
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

const FIRST_TAIL = 64;
/**
 * Largest tail: above the rows of a batch of the CSV reader (16 K rows and one read chunk), so
 * that reading in batches needs no head, and small beside a column that does.
 */
const LARGEST_TAIL = 65_536;
/** Address space reserved for a head at first (costs no memory); a head that outgrows it moves to 8×. */
const FIRST_RESERVE_BYTES = 64 * 1024 * 1024;
/** V8's largest resizable buffer. */
const MAX_BYTES = 2 ** 32;

export class GrowingTypedArray<T extends Float64Array | Uint8Array> {
  private readonly kind: TypedArrayKind<T>;
  private tail: T;
  private inTail = 0;
  private head: ResizableBuffer | undefined;
  private inHead = 0;

  constructor(kind: TypedArrayKind<T>) {
    this.kind = kind;
    this.tail = new kind(FIRST_TAIL);
  }

  get length(): number {
    return this.inHead + this.inTail;
  }

  push(value: number): void {
    if (this.inTail === this.tail.length) this.makeRoom();
    this.tail[this.inTail++] = value;
  }

  /** The first `length` elements (0 past the end) in one ordinary array; this one is emptied. */
  finish(length = this.length): T {
    const out = new this.kind(length);
    const fromHead = Math.min(this.inHead, length);
    if (this.head !== undefined) {
      out.set(new this.kind(this.head, 0, fromHead));
      this.head.resize(0);
      this.head = undefined;
    }
    out.set(this.tail.subarray(0, Math.max(0, Math.min(this.inTail, length - fromHead))), fromHead);
    this.tail = new this.kind(FIRST_TAIL);
    this.inTail = 0;
    this.inHead = 0;
    return out;
  }

  private makeRoom(): void {
    if (this.tail.length < LARGEST_TAIL) {
      const larger = new this.kind(this.tail.length * 2);
      larger.set(this.tail);
      this.tail = larger;
      return;
    }
    const bytes = this.kind.BYTES_PER_ELEMENT;
    const head = this.headWithRoom((this.inHead + this.inTail) * bytes);
    new this.kind(head, this.inHead * bytes, this.inTail).set(this.tail);
    this.inHead += this.inTail;
    this.inTail = 0;
  }

  /** The head, grown (or moved to a larger reservation) to hold at least `bytes`. */
  private headWithRoom(bytes: number): ResizableBuffer {
    if (bytes > MAX_BYTES) {
      throw new AutoMLError('BAD_INPUT', `a column holds more than ${MAX_BYTES / this.kind.BYTES_PER_ELEMENT} cells, more than one table can hold`, {
        hint: 'split the file into parts of fewer rows',
      });
    }
    const head = this.head;
    if (head !== undefined && bytes <= head.byteLength) return head;
    // Doubling keeps the number of resizes logarithmic in the length.
    const size = Math.min(MAX_BYTES, Math.max(bytes, (head?.byteLength ?? 0) * 2));
    if (head !== undefined && size <= head.maxByteLength) {
      head.resize(size);
      return head;
    }
    const reserve = Math.min(MAX_BYTES, Math.max(size, head === undefined ? FIRST_RESERVE_BYTES : head.maxByteLength * 8));
    let larger: ResizableBuffer;
    try {
      larger = new ResizableBuffer(size, { maxByteLength: reserve });
    } catch (error) {
      throw new AutoMLError('BAD_INPUT', `not enough memory for a column of ${bytes / this.kind.BYTES_PER_ELEMENT} cells`, {
        hint: 'read the data in smaller parts, or give the process more memory',
        cause: error,
      });
    }
    if (head !== undefined) {
      new Uint8Array(larger).set(new Uint8Array(head));
      head.resize(0);
    }
    this.head = larger;
    return larger;
  }
}
