// Lead and admin work: charts in, leases, audit samples, orphaned work, code-set notices.
import type { FastifyInstance } from 'fastify';
import type { ImportedChart } from '../../shared/chart';
import type { ReassignRequest, ResolveOrphanRequest, SampleRequest } from '../../shared/sync/protocol';
import { canManageTeam, requireRole } from '../access';
import type { ServerContext } from '../context';
import { badRequest, forbidden } from '../errors';
import { codeSetNoticeBody, idParams, importChartsBody, importChartsQuery, orphansQuery, reassignBody, resolveOrphanBody, samplesBody } from '../schemas';
import { importCharts } from '../store/charts';
import { announceCodeSet } from '../store/codesets';
import { addToSample, reassign } from '../store/leases';
import { listOrphans, resolveOrphan } from '../store/orphans';
import { listTeamUsers } from '../store/users';

export function leadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: ImportedChart[]; Querystring: { teamId?: string } }>(
    '/v1/admin/charts',
    { schema: { body: importChartsBody, querystring: importChartsQuery }, bodyLimit: 256 * 1024 * 1024 },
    async (req) => {
      const actor = await ctx.authenticate(req);
      requireRole(actor, 'admin', 'lead');
      const teamId = req.query.teamId ?? actor.teamId;
      if (!teamId) throw badRequest('teamId is required: which team do these charts belong to?');
      if (!canManageTeam(actor, teamId)) throw forbidden('You can only import charts into your own team');
      const results = await importCharts(ctx.db, teamId, req.body);
      const refused = results.filter((r) => r.status === 'refused').length;
      req.log.info({ userId: actor.id, teamId, charts: results.length, refused }, 'charts imported');
      return { results };
    },
  );

  app.post<{ Body: { system: string; fiscalYear: number; codeSetVersion: string; note?: string | null } }>(
    '/v1/admin/codesets',
    { schema: { body: codeSetNoticeBody } },
    async (req) => {
      const actor = await ctx.authenticate(req);
      requireRole(actor, 'admin');
      return announceCodeSet(ctx.db, req.body);
    },
  );

  app.get('/v1/lead/users', async (req) => {
    const actor = await ctx.authenticate(req);
    requireRole(actor, 'admin', 'lead');
    return { users: await listTeamUsers(ctx.db, actor.role === 'admin' ? null : actor.teamId) };
  });

  app.post<{ Body: ReassignRequest }>('/v1/lead/reassign', { schema: { body: reassignBody } }, async (req) => {
    const actor = await ctx.authenticate(req);
    requireRole(actor, 'admin', 'lead');
    const results = await reassign(ctx.db, actor, req.body.chartIds, req.body.toUserId);
    req.log.info({ userId: actor.id, toUserId: req.body.toUserId, charts: results.length }, 'reassign');
    return { results };
  });

  app.post<{ Body: SampleRequest }>('/v1/lead/samples', { schema: { body: samplesBody } }, async (req) => {
    const actor = await ctx.authenticate(req);
    requireRole(actor, 'admin', 'lead');
    return addToSample(ctx.db, actor, req.body.auditorId, req.body.chartIds);
  });

  app.get<{ Querystring: { status?: 'open' | 'resolved' | 'all' } }>('/v1/lead/orphans', { schema: { querystring: orphansQuery } }, async (req) => {
    const actor = await ctx.authenticate(req);
    requireRole(actor, 'admin', 'lead');
    return { orphans: await listOrphans(ctx.db, actor, req.query.status ?? 'open') };
  });

  app.post<{ Params: { id: string }; Body: ResolveOrphanRequest }>(
    '/v1/lead/orphans/:id/resolve',
    { schema: { params: idParams, body: resolveOrphanBody } },
    async (req) => {
      const actor = await ctx.authenticate(req);
      requireRole(actor, 'admin', 'lead');
      const orphan = await resolveOrphan(ctx.db, actor, req.params.id, req.body.action, req.body.note);
      req.log.info({ userId: actor.id, orphanId: orphan.id, action: req.body.action }, 'orphan resolved');
      return orphan;
    },
  );
}
