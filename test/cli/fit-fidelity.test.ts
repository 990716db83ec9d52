import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { datasetPath } from '../helpers/datasets.ts';

const work = mkdtempSync(join(tmpdir(), 'automl-fidelity-'));

function fitArgs(name: string, extra: string[]): string[] {
  return ['fit', datasetPath('iris'), '--target', 'class', '--out', join(work, `${name}.json`), '--run-dir', join(work, name), '--workers', '0', '--space', 'pipelines/tiny.json', '--warm-start', '0', ...extra];
}

test('--fidelity sh with --eta and a fractional --min-fidelity reaches the summary', () => {
  const result = runCli(fitArgs('sh', ['--fidelity', 'sh', '--eta', '2', '--min-fidelity', '1/4', '--max-trials', '8', '--json', '--quiet']));
  assert.equal(result.code, 0, result.stderr);
  const fidelity = (JSON.parse(result.stdout) as { fidelity: { mode: string; eta: number; min_fidelity: number; rungs: { share: number; trials: number }[] } }).fidelity;
  assert.deepEqual([fidelity.mode, fidelity.eta, fidelity.min_fidelity], ['sh', 2, 0.25]);
  assert.deepEqual(fidelity.rungs.map((r) => r.share), [0.25, 0.5, 1]);
  assert.equal(fidelity.rungs.reduce((n, r) => n + r.trials, 0), 8);
});

test('bad fidelity options are usage errors naming the option', () => {
  for (const [args, pattern] of [
    [['--fidelity', 'bohb'], /option fidelity must be one of auto, off, sh, hyperband/],
    [['--eta', '1'], /option eta must be a number of at least 2/],
    [['--min-fidelity', '1/1'], /option minFidelity must be a number strictly between 0 and 1/],
    [['--min-fidelity', 'a ninth'], /--min-fidelity must be a number or a fraction such as 1\/9/],
    [['--fidelity-resource', 'epochs'], /option fidelityResource must be one of auto, rows, iterations/],
  ] as const) {
    const result = runCli(fitArgs('bad', [...args, '--max-trials', '1']));
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /\[BAD_OPTION\]/);
    assert.match(result.stderr, pattern);
  }
});
