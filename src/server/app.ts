// The Fastify application: routes, authentication, error mapping. No listening, no signals:
// `start.ts` owns the process lifecycle.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { PROTOCOL_LIMITS } from '../shared/sync/protocol';
import { LoginRateLimiter, type RateLimitOptions } from './auth/rate-limit';
import { verifyAccessToken } from './auth/tokens';
import type { ServerContext } from './context';
import type { ServerDb } from './db/types';
import { HttpError, badRequest, unauthorized } from './errors';
import { authRoutes } from './routes/auth';
import { leadRoutes } from './routes/lead';
import { syncRoutes } from './routes/sync';
import type { PushHooks } from './store/push';
import { type Actor, actorForSession } from './store/users';

export interface CreateServerOptions {
  db: ServerDb;
  /** HMAC key for access tokens; at least 32 characters. */
  tokenSecret: string;
  /** Access-token lifetime (default 15 min). */
  accessTtlSeconds?: number;
  /** Refresh-token lifetime (default 30 days). */
  refreshTtlSeconds?: number;
  /** Structured JSON logs to stdout (default off). */
  logger?: boolean;
  /** Failed sign-ins allowed per user name and address (default 5 per 15 min). */
  loginRateLimit?: RateLimitOptions;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for login limits and logs). */
  trustProxy?: boolean;
  /** Test seams; never set in production. */
  pushHooks?: PushHooks;
  /** Clock for access-token issue and expiry, in ms (default Date.now); tests move it instead of sleeping. */
  clock?: () => number;
}

export async function createServer(opts: CreateServerOptions): Promise<FastifyInstance> {
  if (opts.tokenSecret.length < 32) throw new Error('tokenSecret must be at least 32 characters');
  const app = Fastify({
    logger: opts.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    // Bad input is refused, never silently reshaped: no coercion, no stripping of unknown keys.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
  });

  const clock = opts.clock ?? Date.now;
  const nowSeconds = (): number => Math.floor(clock() / 1000);
  const authenticate = async (req: FastifyRequest): Promise<Actor> => {
    const header = req.headers.authorization;
    if (!header || !header.startsWith('Bearer ')) throw unauthorized('Missing bearer token');
    const v = verifyAccessToken(opts.tokenSecret, header.slice(7).trim(), nowSeconds());
    if (!v.ok) throw new HttpError(401, v.reason === 'expired' ? 'token_expired' : 'unauthorized', v.reason === 'expired' ? 'Access token expired; refresh it' : 'Invalid access token');
    const actor = await actorForSession(opts.db, v.claims.sub, v.claims.sid);
    if (!actor) throw unauthorized('Session ended; sign in again');
    return actor;
  };

  const ctx: ServerContext = {
    db: opts.db,
    tokenSecret: opts.tokenSecret,
    accessTtlSeconds: opts.accessTtlSeconds ?? 15 * 60,
    refreshTtlSeconds: opts.refreshTtlSeconds ?? 30 * 24 * 3600,
    limiter: new LoginRateLimiter(opts.loginRateLimit ?? { max: 5, windowMs: 15 * 60_000 }),
    pushHooks: opts.pushHooks ?? {},
    nowSeconds,
    authenticate,
  };

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      void reply.code(err.statusCode).headers(err.headers).send({ error: err.code, message: err.message });
      return;
    }
    if (err.validation) {
      const e = badRequest(`Invalid request: ${err.message}`);
      void reply.code(400).send({ error: e.code, message: e.message });
      return;
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      void reply.code(status).send({ error: err.code ?? 'bad_request', message: err.message });
      return;
    }
    req.log.error({ err }, 'request failed');
    void reply.code(500).send({ error: 'internal', message: 'The server could not complete this request; it is safe to retry' });
  });

  app.get('/health', async (_req, reply) => {
    try {
      await opts.db.query('SELECT 1');
      return { ok: true, db: opts.db.driver, protocol: 1, limits: PROTOCOL_LIMITS };
    } catch {
      return reply.code(503).send({ ok: false, db: opts.db.driver });
    }
  });

  authRoutes(app, ctx);
  syncRoutes(app, ctx);
  leadRoutes(app, ctx);
  return app;
}
