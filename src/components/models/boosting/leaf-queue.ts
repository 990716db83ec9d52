/**
 * The open leaves of a growing tree, largest split gain first (ties: the earlier-created leaf,
 * so growth is deterministic). A binary heap, because without a leaf budget a tree can have
 * thousands of open leaves.
 */

export interface QueuedLeaf {
  readonly id: number;
  readonly split: { readonly gain: number };
}

export class LeafQueue<T extends QueuedLeaf> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(leaf: T): void {
    const heap = this.heap;
    heap.push(leaf);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      swap(heap, i, parent);
      i = parent;
    }
  }

  /** Removes and returns the best leaf; the queue must not be empty. */
  pop(): T {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < heap.length && before(heap[left]!, heap[best]!)) best = left;
        if (right < heap.length && before(heap[right]!, heap[best]!)) best = right;
        if (best === i) break;
        swap(heap, i, best);
        i = best;
      }
    }
    return top;
  }

  /** Empties the queue, returning what it held. */
  drain(): T[] {
    return this.heap.splice(0, this.heap.length);
  }
}

function before(a: QueuedLeaf, b: QueuedLeaf): boolean {
  return a.split.gain > b.split.gain || (a.split.gain === b.split.gain && a.id < b.id);
}

function swap<T>(items: T[], i: number, j: number): void {
  const tmp = items[i]!;
  items[i] = items[j]!;
  items[j] = tmp;
}
