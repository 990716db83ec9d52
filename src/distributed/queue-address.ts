/**
 * The `--queue` address: a redis:// URL naming the Redis server that the driver and its workers
 * share. Checked before any work starts, so a typo fails at once with one line.
 */
import { AutoMLError } from '../util/errors.ts';

export interface QueueAddress {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username: string | undefined;
  readonly password: string | undefined;
  /** The address without its password, for messages and logs. */
  readonly display: string;
}

const DEFAULT_REDIS_PORT = 6379;

function badAddress(given: string, why: string): AutoMLError {
  return new AutoMLError('BAD_OPTION', `--queue ${JSON.stringify(given)} is not a Redis address: ${why}`, {
    hint: 'write it as redis://host:port, e.g. redis://127.0.0.1:6379',
  });
}

export function parseQueueAddress(given: string): QueueAddress {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw badAddress(given, 'not a URL');
  }
  if (url.protocol !== 'redis:') throw badAddress(given, `the scheme must be redis://, got ${url.protocol}//`);
  if (url.hostname === '') throw badAddress(given, 'no host');
  const port = url.port === '' ? DEFAULT_REDIS_PORT : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw badAddress(given, `the database number must be a non-negative integer, got "${dbText}"`);
  const username = url.username === '' ? undefined : decodeURIComponent(url.username);
  const password = url.password === '' ? undefined : decodeURIComponent(url.password);
  // Brackets of an IPv6 host are URL syntax, not part of the address a socket connects to.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port, db, username, password, display: `redis://${url.hostname}:${port}${db === 0 ? '' : `/${db}`}` };
}
