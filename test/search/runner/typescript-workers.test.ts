import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { InProcessRunner } from '../../../src/search/runner/in-process-runner.ts';
import { irisEvaluation } from './fixtures/evaluation-data.ts';

const run = promisify(execFile);
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function childOutcome(args: string[]): Promise<{ status: string; cost: number }> {
  // The parent's loader flags are left out: each child must find its own way to TypeScript.
  const { stdout } = await run(process.execPath, args, { timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { status: string; cost: number };
}

// Started under `tsx --test`, every other runner test already has a parent that got TypeScript
// from the tsx CLI's loader flags; this one covers a parent that registered tsx itself.
describe('trial workers run TypeScript', () => {
  it('when the parent is plain node that registered tsx by hand, as src/cli/bin.js does', async () => {
    const { data, defaultConfig } = await irisEvaluation();
    const expected = await new InProcessRunner(data).run(defaultConfig, 42, { timeSeconds: 60, memoryMb: 512 });
    const outcome = await childOutcome([fixture('register-then-run.js')]);
    assert.equal(outcome.status, 'SUCCESS');
    assert.equal(outcome.cost, expected.cost);
  });
});
