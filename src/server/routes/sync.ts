// The sync protocol: pull changes since a cursor, push mutations; plus reading one chart.
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_LIMITS, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import { canReadChart } from '../access';
import type { ServerContext } from '../context';
import { notFound } from '../errors';
import { idParams, pullQuery, pushBody } from '../schemas';
import { getChart } from '../store/charts';
import { pullJson } from '../store/pull';
import { applyPush } from '../store/push';

export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { cursor: string; limit?: string } }>('/v1/sync/pull', { schema: { querystring: pullQuery } }, async (req, reply) => {
    const actor = await ctx.authenticate(req);
    const limit = req.query.limit === undefined ? PROTOCOL_LIMITS.defaultPullLimit : Math.min(Number(req.query.limit), PROTOCOL_LIMITS.maxPullLimit);
    // Already-serialised PullResponse.
    return reply.type('application/json; charset=utf-8').send(await pullJson(ctx.db, actor, Number(req.query.cursor), limit));
  });

  app.post<{ Body: PushRequest }>('/v1/sync/push', { schema: { body: pushBody }, bodyLimit: 64 * 1024 * 1024 }, async (req): Promise<PushResponse> => {
    const actor = await ctx.authenticate(req);
    const results = await applyPush(ctx.db, actor, req.body.clientId, req.body.mutations, ctx.pushHooks);
    const counts: Record<string, number> = {};
    for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    req.log.info({ userId: actor.id, clientId: req.body.clientId, counts }, 'push');
    return { results };
  });

  app.get<{ Params: { id: string } }>('/v1/charts/:id', { schema: { params: idParams } }, async (req) => {
    const actor = await ctx.authenticate(req);
    const chart = await getChart(ctx.db, req.params.id);
    // Same answer for "missing" and "not yours": ids of other people's charts are not confirmed.
    if (!chart || !(await canReadChart(ctx.db, actor, chart))) throw notFound('Chart not found');
    return { chartId: chart.id, teamId: chart.teamId, version: chart.version, chart: chart.chart };
  });
}
