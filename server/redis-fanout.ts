/**
 * `--redis redis://…`: several team server instances share their documents through Redis with
 * Hocuspocus's own extension (@hocuspocus/extension-redis): a change taken by one instance is
 * published and applied by every other instance that has the document loaded, which sends it to
 * its own members. Storage is shared as well (one SQLite data folder on one box, or PostgreSQL),
 * so any instance can load any document; Redis holds no data of its own.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';
import { AppError } from '../common/errors';
import type { Logger } from './logging';

export interface RedisFanout {
  extension: RedisExtension;
  identifier: string;
  /** Whether Redis answers a PING within `ms`. */
  reachable(ms?: number): Promise<boolean>;
}

export function parseRedisUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('BAD_INPUT', `--redis must be a URL such as redis://default:PASSWORD@127.0.0.1:6379, not "${url.replace(/\/\/[^@/]*@/, '//…@')}".`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new AppError('BAD_INPUT', `--redis must start with redis:// or rediss://, not ${parsed.protocol}//.`);
  return parsed;
}

export function redisFanout(url: string, log: Logger): RedisFanout {
  parseRedisUrl(url);
  const identifier = `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  let lastError = '';
  const createClient = () => {
    // Commands wait while Redis is away (the offline queue) rather than fail at once; /ready says so.
    const client = new IORedis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    client.on('error', (err: Error) => {
      // A lost Redis repeats the same error on every retry: log each change of it, not each retry.
      if (err.message === lastError) return;
      lastError = err.message;
      log.warn('redis.error', { message: err.message });
    });
    client.on('ready', () => {
      if (lastError) log.info('redis.ready', { instance: identifier });
      lastError = '';
    });
    return client;
  };
  const extension = new RedisExtension({ createClient, identifier, prefix: 'workbench' });
  return {
    extension,
    identifier,
    async reachable(ms = 1000) {
      if (extension.pub.status !== 'ready') return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
      const ping = extension.pub.ping().then((r) => r === 'PONG', () => false);
      const ok = await Promise.race([ping, timeout]);
      clearTimeout(timer);
      return ok;
    },
  };
}
