// What every route module receives from the app factory.
import type { FastifyRequest } from 'fastify';
import type { ServerDb } from './db/types';
import type { LoginRateLimiter } from './auth/rate-limit';
import type { PushHooks } from './store/push';
import type { Actor } from './store/users';

export interface ServerContext {
  db: ServerDb;
  tokenSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  limiter: LoginRateLimiter;
  pushHooks: PushHooks;
  /** The access-token clock, in whole seconds. */
  nowSeconds(): number;
  /** Resolves the signed-in user of a request or throws 401. */
  authenticate(req: FastifyRequest): Promise<Actor>;
}
