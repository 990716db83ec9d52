/** Monotonic time and a wall-clock budget that every stage of a search consults. */

export function nowSeconds(): number {
  return performance.now() / 1000;
}

export class TimeBudget {
  private readonly start = nowSeconds();

  constructor(readonly totalSeconds: number) {}

  elapsed(): number {
    return nowSeconds() - this.start;
  }

  remaining(): number {
    return Math.max(0, this.totalSeconds - this.elapsed());
  }

  exhausted(): boolean {
    return this.remaining() <= 0;
  }
}
