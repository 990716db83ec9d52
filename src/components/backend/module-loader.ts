/**
 * How backend packages are found and imported. Selection goes through this interface rather than
 * calling `import()` directly so that tests can simulate optional native packages being absent,
 * present under the wrong name, or failing to load.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export interface InstalledPackage {
  /** The "name" in the installed package.json: an aliased install reveals itself here. */
  readonly name: string;
  /** Absolute folder of the package. */
  readonly dir: string;
}

export interface ModuleLoader {
  /** The installed package resolved from this project, or undefined when it is not installed. */
  locate(packageName: string): InstalledPackage | undefined;
  /** Imports the package's entry point (its side effects register backends). */
  load(packageName: string): Promise<unknown>;
}

const requireFromHere = createRequire(import.meta.url);

export const defaultModuleLoader: ModuleLoader = {
  locate(packageName) {
    let manifestPath: string;
    try {
      manifestPath = requireFromHere.resolve(`${packageName}/package.json`);
    } catch {
      return undefined;
    }
    try {
      const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
      const name = typeof manifest === 'object' && manifest !== null && 'name' in manifest ? manifest.name : undefined;
      return typeof name === 'string' ? { name, dir: dirname(manifestPath) } : undefined;
    } catch {
      return undefined;
    }
  },
  async load(packageName) {
    const loaded: unknown = await import(packageName);
    return loaded;
  },
};

/**
 * Synchronous import, used only when an MLP is fitted before any backend was selected: the fit
 * API is synchronous, and the tfjs packages ship CommonJS entry points that Node shares with
 * `import()`, so both paths see the same module instances.
 */
export function requireSync(packageName: string): unknown {
  const loaded: unknown = requireFromHere(packageName);
  return loaded;
}
