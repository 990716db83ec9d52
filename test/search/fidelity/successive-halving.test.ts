import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SuccessiveHalving } from '../../../src/search/fidelity/successive-halving.ts';
import type { Optimizer, Proposal } from '../../../src/search/optimizer.ts';
import type { TrialRecord } from '../../../src/search/trial.ts';
import type { Configuration } from '../../../src/space/index.ts';

/** Proposes {n: 1}, {n: 2}, … (up to `limit`), records tells and re-evaluations. */
class CountingBase implements Optimizer {
  readonly name = 'counting';
  readonly told: TrialRecord[] = [];
  readonly reevaluated: { n: number; fidelity: number }[] = [];
  private next = 1;
  constructor(private readonly limit = Infinity) {}
  ask(): Configuration | null {
    return this.next > this.limit ? null : { n: this.next++ };
  }
  tell(trial: TrialRecord): void {
    this.told.push(trial);
  }
  reevaluating(config: Configuration, fidelity: number): void {
    this.reevaluated.push({ n: Number(config['n']), fidelity });
  }
}

let id = 0;
function result(proposal: Proposal, cost: number, status: TrialRecord['status'] = 'SUCCESS'): TrialRecord {
  id++;
  return {
    id, config: proposal.config, algorithm: 'x', status, cost: status === 'SUCCESS' ? cost : Infinity, score: null, fitSeconds: 1,
    fidelity: proposal.fidelity, ...(proposal.rung === undefined ? {} : { rung: proposal.rung }), finishedAt: 0, seed: id,
  };
}

const n = (p: Proposal | null): number => Number(p?.config['n']);

describe('SuccessiveHalving (ASHA)', () => {
  it('runs the first configuration in full, then enters new ones at the lowest rung', () => {
    const sh = new SuccessiveHalving(new CountingBase(), { mode: 'sh', eta: 3, minFidelity: 1 / 9, seed: 1 });
    assert.equal(sh.name, 'counting+sh');
    const first = sh.askWithFidelity()!;
    assert.deepEqual([n(first), first.fidelity, first.rung], [1, 1, 2]);
    const second = sh.askWithFidelity()!;
    assert.deepEqual([n(second), second.rung], [2, 0]);
    assert.ok(Math.abs(second.fidelity - 1 / 9) < 1e-12);
  });

  it('never waits: with nothing finished every ask is a new configuration', () => {
    const sh = new SuccessiveHalving(new CountingBase(), { mode: 'sh', eta: 3, minFidelity: 1 / 9, seed: 1 });
    const proposals = Array.from({ length: 20 }, () => sh.askWithFidelity());
    assert.ok(proposals.every((p) => p !== null));
    assert.deepEqual(proposals.map(n), Array.from({ length: 20 }, (_, i) => i + 1));
    assert.ok(proposals.slice(1).every((p) => p!.rung === 0));
  });

  it('promotes the best third of a rung as soon as it has eta results, highest rung first', () => {
    const base = new CountingBase();
    const sh = new SuccessiveHalving(base, { mode: 'sh', eta: 3, minFidelity: 1 / 9, seed: 1 });
    sh.tell(result(sh.askWithFidelity()!, 0.5));
    // Nine configurations at rung 0; costs make 4, 6 and 9 the best three.
    const low = Array.from({ length: 9 }, () => sh.askWithFidelity()!);
    const cost: Record<number, number> = { 2: 0.9, 3: 0.8, 4: 0.1, 5: 0.7, 6: 0.2, 7: 0.6, 8: 0.65, 9: 0.3, 10: 0.75 };
    for (const p of low.slice(0, 3)) sh.tell(result(p, cost[n(p)]!));
    // 2, 3, 4 finished: 4 is the top third.
    const up1 = sh.askWithFidelity()!;
    assert.deepEqual([n(up1), up1.rung], [4, 1]);
    assert.ok(Math.abs(up1.fidelity - 1 / 3) < 1e-12);
    assert.deepEqual(base.reevaluated.map((r) => r.n), [4]);
    for (const p of low.slice(3)) sh.tell(result(p, cost[n(p)]!));
    // Six more at rung 0: the top three are 4 (up), 6 and 9.
    const up2 = sh.askWithFidelity()!;
    const up3 = sh.askWithFidelity()!;
    assert.deepEqual([n(up2), n(up3)], [6, 9]);
    assert.equal(n(sh.askWithFidelity()), 11, 'no promotion left: a new configuration');
    // Rung 1 gets three results; its best goes to full fidelity before anything else.
    sh.tell(result(up1, 0.15));
    sh.tell(result(up2, 0.05));
    sh.tell(result(up3, 0.25));
    const top = sh.askWithFidelity()!;
    assert.deepEqual([n(top), top.fidelity, top.rung], [6, 1, 2]);
    assert.deepEqual(sh.resultsPerRung(), [9, 3, 0]);
    // Every result reached the base optimiser with its fidelity.
    assert.equal(base.told.length, 13);
    assert.deepEqual(base.told.filter((t) => t.rung === 1).map((t) => Number(t.config['n'])), [4, 6, 9]);
  });

  it('waits for nothing when the base optimiser runs out: promotions still come, then null', () => {
    const sh = new SuccessiveHalving(new CountingBase(4), { mode: 'sh', eta: 3, minFidelity: 1 / 9, seed: 1 });
    sh.tell(result(sh.askWithFidelity()!, 0.5));
    const low = [sh.askWithFidelity()!, sh.askWithFidelity()!, sh.askWithFidelity()!];
    assert.equal(sh.askWithFidelity(), null);
    low.forEach((p, i) => sh.tell(result(p, 0.3 - 0.1 * i)));
    const promoted = sh.askWithFidelity()!;
    assert.deepEqual([n(promoted), promoted.rung], [4, 1]);
    assert.equal(sh.askWithFidelity(), null);
  });

  it('does not promote a configuration whose trial failed', () => {
    const sh = new SuccessiveHalving(new CountingBase(), { mode: 'sh', eta: 3, minFidelity: 1 / 9, seed: 1 });
    sh.tell(result(sh.askWithFidelity()!, 0.5));
    const low = [sh.askWithFidelity()!, sh.askWithFidelity()!, sh.askWithFidelity()!];
    for (const p of low) sh.tell(result(p, 0, 'CRASHED'));
    assert.equal(sh.askWithFidelity()!.rung, 0);
  });

  it('ask() is the base optimiser at full fidelity, outside the schedule', () => {
    const base = new CountingBase();
    const sh = new SuccessiveHalving(base, { mode: 'sh', eta: 3, minFidelity: 1 / 9, seed: 1 });
    const config = sh.ask()!;
    assert.deepEqual(config, { n: 1 });
    sh.tell({ id: 1, config, algorithm: 'x', status: 'SUCCESS', cost: 0.1, score: null, fitSeconds: 1, finishedAt: 0, seed: 1 });
    assert.deepEqual(sh.resultsPerRung(), [0, 0, 0]);
    assert.equal(base.told.length, 1);
    assert.equal(sh.regretBound, undefined, 'the base has no bound, so neither has the schedule');
  });
});

describe('SuccessiveHalving (Hyperband)', () => {
  it("enters new configurations at each bracket's rung in Hyperband's proportions, from the seed", () => {
    const entries = (seed: number): number[] => {
      const hb = new SuccessiveHalving(new CountingBase(), { mode: 'hyperband', eta: 3, minFidelity: 1 / 9, seed });
      hb.askWithFidelity();
      return Array.from({ length: 34 }, () => hb.askWithFidelity()!.rung!);
    };
    const rungs = entries(5);
    const count = (r: number) => rungs.filter((x) => x === r).length;
    assert.deepEqual([count(0), count(1), count(2)], [18, 10, 6]);
    assert.deepEqual(entries(5), rungs);
    assert.notDeepEqual(entries(6), rungs);
  });

  it('promotes within a bracket only: rung results of different brackets do not pool', () => {
    const hb = new SuccessiveHalving(new CountingBase(), { mode: 'hyperband', eta: 3, minFidelity: 1 / 9, seed: 3 });
    hb.tell(result(hb.askWithFidelity()!, 0.5));
    // One whole cycle: 9 configurations enter bracket 0 (rung 0), 5 bracket 1 (rung 1), 3 bracket 2.
    const proposals = Array.from({ length: 17 }, () => hb.askWithFidelity()!);
    const atRung = (r: number) => proposals.filter((p) => p.rung === r);
    for (const p of atRung(0).slice(0, 3)) hb.tell(result(p, 0.4));
    const promoted = hb.askWithFidelity()!;
    assert.equal(promoted.rung, 1);
    hb.tell(result(promoted, 0.01));
    for (const p of atRung(1).slice(0, 2)) hb.tell(result(p, 0.3));
    // Pooled, rung 1 would hold three results and send the 0.01 one to full fidelity; per
    // bracket it holds one (bracket 0) and two (bracket 1), so nothing goes up.
    assert.notEqual(hb.askWithFidelity()!.rung, 2);
    hb.tell(result(atRung(1)[2]!, 0.35));
    // Bracket 1 now has three results at rung 1: its best (0.3, the earlier) goes up.
    const up = hb.askWithFidelity()!;
    assert.deepEqual([n(up), up.rung], [n(atRung(1)[0]!), 2]);
  });
});
