/** A logger that keeps what it was told, for tests that assert on info lines and warnings. */
import type { Logger } from '../../src/util/log.ts';

export function recordingLogger(): Logger & { infos: string[]; warnings: string[] } {
  const infos: string[] = [];
  const warnings: string[] = [];
  return { infos, warnings, info: (m) => infos.push(m), warn: (m) => warnings.push(m) };
}
