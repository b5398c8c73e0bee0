// Sign-in, token refresh and sign-out.
import type { FastifyInstance } from 'fastify';
import type { LoginRequest, LogoutRequest, RefreshRequest, TokenPair } from '../../shared/sync/protocol';
import { verifyPassword } from '../auth/password';
import { hashRefreshToken, issueAccessToken, newRefreshToken } from '../auth/tokens';
import type { ServerContext } from '../context';
import { HttpError, unauthorized } from '../errors';
import { loginBody, refreshBody } from '../schemas';
import { type Actor, createSession, findUserForLogin, getUser, revokeSessionByRefresh, rotateRefreshToken } from '../store/users';

export function authRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const refreshExpiry = (): Date => new Date(Date.now() + ctx.refreshTtlSeconds * 1000);

  const pair = (user: Actor, sessionId: string, refreshToken: string): TokenPair => {
    const iat = ctx.nowSeconds();
    return {
      accessToken: issueAccessToken(ctx.tokenSecret, { sub: user.id, sid: sessionId, iat, exp: iat + ctx.accessTtlSeconds }),
      expiresIn: ctx.accessTtlSeconds,
      refreshToken,
      user,
    };
  };

  app.post<{ Body: LoginRequest }>('/v1/auth/login', { schema: { body: loginBody } }, async (req) => {
    const key = `${req.body.name.toLowerCase()}|${req.ip}`;
    const wait = ctx.limiter.retryAfterMs(key);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(429, 'rate_limited', `Too many failed sign-ins; try again in ${seconds} s`, { 'retry-after': String(seconds) });
    }
    const user = await findUserForLogin(ctx.db, req.body.name);
    const ok = await verifyPassword(req.body.password, user?.passwordHash ?? null);
    if (!user || !ok || user.disabled) {
      ctx.limiter.recordFailure(key);
      throw unauthorized('Wrong user name or password');
    }
    ctx.limiter.recordSuccess(key);
    const refreshToken = newRefreshToken();
    const sid = await createSession(ctx.db, user.id, hashRefreshToken(refreshToken), refreshExpiry());
    req.log.info({ userId: user.id, sessionId: sid }, 'login');
    return pair({ id: user.id, name: user.name, role: user.role, teamId: user.teamId }, sid, refreshToken);
  });

  app.post<{ Body: RefreshRequest }>('/v1/auth/refresh', { schema: { body: refreshBody } }, async (req) => {
    const next = newRefreshToken();
    const res = await rotateRefreshToken(ctx.db, hashRefreshToken(req.body.refreshToken), hashRefreshToken(next), refreshExpiry());
    if (!res.ok) {
      if (res.reason === 'reused') req.log.warn('refresh token reused; session revoked');
      throw unauthorized(res.reason === 'expired' ? 'Session expired; sign in again' : 'Session is no longer valid; sign in again');
    }
    const user = await getUser(ctx.db, res.userId);
    if (!user) throw unauthorized();
    return pair(user, res.sessionId, next);
  });

  app.post<{ Body: LogoutRequest }>('/v1/auth/logout', { schema: { body: refreshBody } }, async (req) => {
    const revoked = await revokeSessionByRefresh(ctx.db, hashRefreshToken(req.body.refreshToken));
    return { ok: true, revoked };
  });

  app.get('/v1/me', async (req) => ctx.authenticate(req));
}
