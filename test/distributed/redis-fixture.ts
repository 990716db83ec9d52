/**
 * A private redis-server on a free loopback port and real `automl worker` processes for the
 * distributed tests. Each test starts its own and stops everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `child`'s stderr has printed a line matching `pattern`; rejects if it exits first. */
export function waitForOutput(child: ChildProcess, output: { text: string }, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => pattern.test(output.text);
    if (check()) return resolve();
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${pattern}; output so far:\n${output.text}`)), timeoutMs);
    const onData = (): void => {
      if (check()) done();
    };
    const onExit = (): void => done(new Error(`the process exited before printing ${pattern}:\n${output.text}`));
    const done = (error?: Error): void => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error === undefined) resolve();
      else reject(error);
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

export interface Started {
  readonly child: ChildProcess;
  readonly output: { text: string };
  stop(): Promise<void>;
}

function startProcess(command: string, args: readonly string[]): Started {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { text: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function startRedis(): Promise<Started & { readonly url: string }> {
  const port = await freePort();
  const redis = startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${redis.output.text}`)), 10_000);
    const onData = (): void => {
      if (/Ready to accept connections/.test(redis.output.text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    redis.child.stdout?.on('data', onData);
    redis.child.once('exit', () => reject(new Error(`redis-server exited:\n${redis.output.text}`)));
  });
  return { ...redis, url: `redis://127.0.0.1:${port}` };
}

/** An `automl worker` process, resolved once it is taking jobs. */
export async function startWorker(url: string, extra: readonly string[] = []): Promise<Started> {
  const worker = startProcess(process.execPath, [BIN, 'worker', '--queue', url, ...extra]);
  await waitForOutput(worker.child, worker.output, /takes up to \d+ trial/);
  return worker;
}

/** An `automl` command in a child process (not awaited), e.g. a driver to kill. */
export function startCli(args: readonly string[]): Started {
  return startProcess(process.execPath, [BIN, ...args]);
}
