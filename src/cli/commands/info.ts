/**
 * `automl info`: what this installation can run — package and Node versions, cores, the tensor
 * backends neural networks may train on (each with why it is or is not available, and which one
 * `auto` picks), and the XGBoost engines.
 */
import type { Command } from 'commander';
import { availableParallelism, cpus } from 'node:os';
import { probeBackends } from '../../components/backend/index.ts';
import { xgboostEngineStatus, XGBOOST_ENGINE_ENV } from '../../components/models/xgboost/index.ts';
import { PACKAGE_VERSION } from '../../util/version.ts';

export interface InfoReport {
  readonly version: string;
  readonly node: string;
  readonly platform: string;
  readonly cores: number;
  readonly cpu: string;
  readonly tensor_backends: { name: string; package: string; available: boolean; detail: string; install: string | null }[];
  readonly tensor_backend_auto: string;
  readonly xgboost_engines: { name: string; available: boolean; detail: string }[];
  readonly xgboost_engine_auto: string;
  readonly xgboost_engine_env: string | null;
}

export async function collectInfo(): Promise<InfoReport> {
  const tensor = await probeBackends();
  const xgboost = await xgboostEngineStatus();
  return {
    version: PACKAGE_VERSION,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    tensor_backends: tensor.backends.map((b) => ({ name: b.name, package: b.packageName, available: b.available, detail: b.detail, install: b.installHint })),
    tensor_backend_auto: tensor.auto,
    xgboost_engines: xgboost.engines.map((e) => ({ ...e })),
    xgboost_engine_auto: xgboost.auto,
    xgboost_engine_env: process.env[XGBOOST_ENGINE_ENV] ?? null,
  };
}

function formatInfo(info: InfoReport): string {
  const mark = (available: boolean) => (available ? 'yes' : 'no ');
  const lines = [
    `automl-ts ${info.version}`,
    `node      ${info.node} (${info.platform})`,
    `cores     ${info.cores} (${info.cpu})`,
    '',
    `tensor backends for neural networks (auto picks: ${info.tensor_backend_auto}):`,
    ...info.tensor_backends.map((b) => `  ${b.name.padEnd(15)} ${mark(b.available)} ${b.detail || 'ready'}${b.install === null ? '' : `\n  ${''.padEnd(19)}to enable: ${b.install}`}`),
    '',
    `XGBoost engines (auto picks: ${info.xgboost_engine_auto}${info.xgboost_engine_env === null ? '' : `; ${XGBOOST_ENGINE_ENV}=${info.xgboost_engine_env}`}):`,
    ...info.xgboost_engines.map((e) => `  ${e.name.padEnd(15)} ${mark(e.available)} ${e.detail}`),
  ];
  return lines.join('\n');
}

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('show versions, cores, the tensor backends and XGBoost engines available here')
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }) => {
      const info = await collectInfo();
      process.stdout.write(options.json === true ? `${JSON.stringify(info, null, 2)}\n` : `${formatInfo(info)}\n`);
    });
}
