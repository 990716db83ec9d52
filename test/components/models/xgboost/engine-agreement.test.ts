/**
 * The plain-tree predictor agrees with each engine's own prediction on models the engine
 * trained: the parsers read thresholds, children, default directions, groups and the base
 * score correctly (binary, multiclass and regression objectives).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { treesFromXgboostJson } from '../../../../src/components/models/xgboost/parse-json-model.ts';
import { treesFromLegacyBinary } from '../../../../src/components/models/xgboost/parse-binary-model.ts';
import { predictMargins } from '../../../../src/components/models/xgboost/trees.ts';
import { loadWasmEngine } from '../../../../src/components/models/xgboost/wasm-engine.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { Rng } from '../../../../src/util/rng.ts';

const requireHere = createRequire(import.meta.url);

interface Problem {
  readonly objective: string;
  readonly nClasses: number;
  readonly nGroups: number;
  readonly baseScore: string;
}

const PROBLEMS: readonly Problem[] = [
  { objective: 'binary:logistic', nClasses: 2, nGroups: 1, baseScore: '0.3' },
  { objective: 'multi:softprob', nClasses: 3, nGroups: 3, baseScore: '0.5' },
  { objective: 'reg:linear', nClasses: 1, nGroups: 1, baseScore: '1.7' },
];

function data(problem: Problem, n: number, p: number) {
  const rng = new Rng(7);
  const rows = new Float32Array(n * p);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) rows[i * p + j] = rng.normal();
    const s = rows[i * p]! + 0.5 * rows[i * p + 1]! * rows[i * p + 2]!;
    labels[i] = problem.nClasses === 1 ? s + 2 : problem.nClasses === 2 ? (s > 0 ? 1 : 0) : s < -0.5 ? 0 : s < 0.5 ? 1 : 2;
  }
  const x: FeatureMatrix = { nRows: n, columns: Array.from({ length: p }, (_, j) => Float64Array.from({ length: n }, (_, i) => rows[i * p + j]!)) };
  return { rows, labels, x };
}

function params(problem: Problem): [string, string][] {
  const out: [string, string][] = [['objective', problem.objective], ['max_depth', '4'], ['eta', '0.3'], ['base_score', problem.baseScore], ['subsample', '0.8'], ['tree_method', 'hist']];
  if (problem.nClasses > 2) out.push(['num_class', String(problem.nClasses)]);
  return out;
}

function transform(problem: Problem, margins: Float64Array, row: number): number[] {
  const g = problem.nGroups;
  const m = Array.from(margins.subarray(row * g, row * g + g));
  if (problem.objective === 'binary:logistic') return [1 / (1 + Math.exp(-m[0]!))];
  if (problem.nGroups > 1) {
    const e = m.map((v) => Math.exp(v));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  }
  return m;
}

interface Koffi {
  load(name: string): { func(signature: string): (...args: unknown[]) => number };
  decode(pointer: unknown, type: string, length: number): unknown;
  pointer(name: string, type: unknown): unknown;
  opaque(): unknown;
}

function nativeLibrary(): ReturnType<Koffi['load']> | undefined {
  try {
    return (requireHere('koffi') as Koffi).load('libxgboost.so.0');
  } catch {
    return undefined;
  }
}

test('native engine: plain-tree margins equal XGBoost’s own', { skip: nativeLibrary() === undefined ? 'libxgboost.so.0 is not installed' : false }, () => {
  const koffi = requireHere('koffi') as Koffi;
  const lib = nativeLibrary()!;
  try {
    koffi.pointer('XGBHandle', koffi.opaque());
  } catch {
    /* registered by the engine already */
  }
  const create = lib.func('int XGDMatrixCreateFromMat(const float *data, uint64_t nrow, uint64_t ncol, float missing, _Out_ XGBHandle *out)');
  const setInfo = lib.func('int XGDMatrixSetFloatInfo(XGBHandle handle, const char *field, const float *values, uint64_t len)');
  const booster = lib.func('int XGBoosterCreate(XGBHandle *matrices, uint64_t len, _Out_ XGBHandle *out)');
  const setParam = lib.func('int XGBoosterSetParam(XGBHandle handle, const char *name, const char *value)');
  const update = lib.func('int XGBoosterUpdateOneIter(XGBHandle handle, int iteration, XGBHandle matrix)');
  const save = lib.func('int XGBoosterSaveModelToBuffer(XGBHandle handle, const char *config, _Out_ uint64_t *len, _Out_ void **out)');
  const predict = lib.func('int XGBoosterPredict(XGBHandle handle, XGBHandle matrix, int mask, unsigned int limit, int training, _Out_ uint64_t *len, _Out_ void **out)');
  const freeMatrix = lib.func('int XGDMatrixFree(XGBHandle handle)');
  const freeBooster = lib.func('int XGBoosterFree(XGBHandle handle)');
  for (const problem of PROBLEMS) {
    const { rows, labels, x } = data(problem, 400, 5);
    const m: unknown[] = [null];
    assert.equal(create(rows, 400, 5, NaN, m), 0);
    setInfo(m[0], 'label', labels, 400);
    const b: unknown[] = [null];
    assert.equal(booster([m[0]], 1, b), 0);
    for (const [k, v] of params(problem)) assert.equal(setParam(b[0], k, v === 'reg:linear' ? 'reg:squarederror' : v), 0);
    for (let i = 0; i < 12; i++) assert.equal(update(b[0], i, m[0]), 0);
    const len: unknown[] = [0];
    const out: unknown[] = [null];
    assert.equal(save(b[0], '{"format": "json"}', len, out), 0);
    const trees = treesFromXgboostJson(String(koffi.decode(out[0], 'char', Number(len[0]))), 5, problem.nGroups);
    assert.equal(predict(b[0], m[0], 0, 0, 0, len, out), 0);
    const engine = koffi.decode(out[0], 'float', Number(len[0])) as number[];
    const ours = predictMargins(trees, x);
    for (let i = 0; i < 400; i++) {
      const mine = transform(problem, ours, i);
      for (let g = 0; g < problem.nGroups; g++) assert.ok(Math.abs(mine[g]! - engine[i * problem.nGroups + g]!) < 1e-5, `${problem.objective} row ${i}`);
    }
    freeBooster(b[0]);
    freeMatrix(m[0]);
  }
});

test('wasm engine: plain-tree predictions equal the wasm module’s own', async () => {
  await loadWasmEngine();
  const module = requireHere('ml-xgboost/dist/wasm/xgboost.js') as {
    cwrap(name: string, returns: string | null, args: string[]): (...args: unknown[]) => number;
    _malloc(n: number): number;
    _free(p: number): void;
    HEAPF32: Float32Array;
    HEAPU8: Uint8Array;
  };
  const createModel = module.cwrap('create_model', 'number', ['number', 'number', 'number', 'number']);
  const setParam = module.cwrap('set_param', null, ['number', 'string', 'string']);
  const train = module.cwrap('train_full_model', null, ['number', 'number']);
  const saveModel = module.cwrap('save_model', 'number', ['number']);
  const fileContent = module.cwrap('get_file_content', null, ['number', 'number']);
  const predictOne = module.cwrap('predict_one', 'number', ['number', 'number', 'number', 'number']);
  const freeModel = module.cwrap('free_memory_model', null, ['number']);
  for (const problem of PROBLEMS) {
    const { rows, labels, x } = data(problem, 300, 4);
    const pd = module._malloc(rows.length * 4);
    module.HEAPF32.set(rows, pd / 4);
    const pl = module._malloc(labels.length * 4);
    module.HEAPF32.set(labels, pl / 4);
    const model = createModel(pd, pl, 300, 4);
    module._free(pd);
    module._free(pl);
    setParam(model, 'silent', '1');
    for (const [k, v] of params(problem)) setParam(model, k, v);
    train(model, 10);
    const size = saveModel(model);
    const buffer = module._malloc(size);
    fileContent(buffer, size);
    const trees = treesFromLegacyBinary(module.HEAPU8.slice(buffer, buffer + size), 4, problem.nGroups);
    module._free(buffer);
    const ours = predictMargins(trees, x);
    const row = module._malloc(16);
    const out = module._malloc(4 * problem.nGroups);
    for (let i = 0; i < 300; i++) {
      module.HEAPF32.set(rows.subarray(i * 4, i * 4 + 4), row / 4);
      const n = predictOne(model, row, 4, out);
      const mine = transform(problem, ours, i);
      for (let g = 0; g < n; g++) assert.ok(Math.abs(mine[g]! - module.HEAPF32[out / 4 + g]!) < 1e-5, `${problem.objective} row ${i}: ${mine[g]} vs ${module.HEAPF32[out / 4 + g]}`);
    }
    module._free(row);
    module._free(out);
    freeModel(model);
  }
});
