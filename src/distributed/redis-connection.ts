/**
 * Connections to the queue's Redis. ioredis (and BullMQ on top of it) is loaded only here, and
 * only when a queue is used: fitting on one machine never loads either.
 *
 * The first connection is a probe that gives up after a few seconds, so an unreachable server is
 * a clear error before anything is written; the connections that follow reconnect on their own,
 * as BullMQ expects of long-lived queue and worker connections.
 */
import type { Redis } from 'ioredis';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import type { QueueAddress } from './queue-address.ts';

/** How long the probe waits for the server before reporting it unreachable. */
export const CONNECT_TIMEOUT_MS = 3000;

function baseOptions(address: QueueAddress): { host: string; port: number; db: number; username?: string; password?: string } {
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    ...(address.username === undefined ? {} : { username: address.username }),
    ...(address.password === undefined ? {} : { password: address.password }),
  };
}

/** Connects once, without retrying, and checks the server answers; throws BAD_OPTION when not. */
export async function probeRedis(address: QueueAddress): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis({
    ...baseOptions(address),
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The socket's own error (ECONNREFUSED, ETIMEDOUT...) says more than the "Connection is closed"
  // the awaited call then rejects with; listening also keeps ioredis from printing it.
  let socketError: unknown;
  client.on('error', (error: unknown) => {
    socketError ??= error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new AutoMLError('BAD_OPTION', `cannot reach the queue's Redis at ${address.display}: ${errorMessage(socketError ?? error) || 'no answer'}`, {
      hint: 'start redis-server there, or check the --queue address and that this machine may connect to it',
    });
  } finally {
    client.disconnect();
  }
}

/**
 * A connection for BullMQ queues, workers and the data store. `onError` hears connection trouble
 * (ioredis keeps reconnecting meanwhile); BullMQ requires `maxRetriesPerRequest: null`.
 */
export async function openRedis(address: QueueAddress, onError: (error: Error) => void): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const client = new Redis({ ...baseOptions(address), maxRetriesPerRequest: null, connectTimeout: CONNECT_TIMEOUT_MS });
  client.on('error', onError);
  return client;
}
