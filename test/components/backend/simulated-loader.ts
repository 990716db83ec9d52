/**
 * A module loader that simulates chosen packages (absent, installed under another name, failing
 * to import, or importing to a given module) and defers every other package to the real one.
 */
import { defaultModuleLoader, type InstalledPackage, type ModuleLoader } from '../../../src/components/backend/index.ts';

export type Simulation =
  | { readonly kind: 'absent' }
  | { readonly kind: 'installed'; readonly name?: string; readonly load: () => Promise<unknown> };

export const ABSENT: Simulation = { kind: 'absent' };

export const NATIVE_ABSENT: Readonly<Record<string, Simulation>> = {
  '@tensorflow/tfjs-node-gpu': ABSENT,
  '@tensorflow/tfjs-node': ABSENT,
};

export interface RecordingLoader extends ModuleLoader {
  /** Every package name passed to load(), in order. */
  readonly imported: string[];
}

export function simulatedLoader(simulations: Readonly<Record<string, Simulation>>): RecordingLoader {
  const imported: string[] = [];
  return {
    imported,
    locate(packageName): InstalledPackage | undefined {
      const simulation = simulations[packageName];
      if (simulation === undefined) return defaultModuleLoader.locate(packageName);
      if (simulation.kind === 'absent') return undefined;
      return { name: simulation.name ?? packageName, dir: `/simulated/node_modules/${packageName}` };
    },
    async load(packageName) {
      imported.push(packageName);
      const simulation = simulations[packageName];
      if (simulation === undefined) return defaultModuleLoader.load(packageName);
      if (simulation.kind === 'absent') throw new Error(`Cannot find package '${packageName}'`);
      return simulation.load();
    },
  };
}
