import { NAMESPACES } from '@infocig/shared';
import fp from 'fastify-plugin';
import { accessLogOf } from '../audit/access-log.ts';
import { createCannedReplies } from '../canned/canned-replies.ts';
import { createArchiveStore } from '../chat/archive-store.ts';
import { createKeeps, createKeepsStore } from '../chat/keeps.ts';
import { createCompanyAccess } from '../claims/company-access.ts';
import { createCompanyClaims } from '../claims/company-claims.ts';
import { createSubjectResolver } from '../claims/conversation-subject.ts';
import { advisorNamespace, supervisorNamespace, visitorNamespace } from '../realtime/typed-sockets.ts';
import { setUpAdvisorNamespace } from './advisor-namespace.ts';
import { setUpSupervisorNamespace } from './supervisor-namespace.ts';
import { setUpVisitorNamespace } from './visitor-namespace.ts';

/** The namespaces: the widget's, the console's and the supervisors'. */
export const namespacesPlugin = fp(
  async (app) => {
    const deps = {
      verify: app.verifyToken,
      chat: app.chat,
      departures: app.departures,
      followUps: app.followUps,
      referrals: app.referrals,
      log: app.log,
    };
    const lifetime = (maxSockets: number) => ({
      verify: app.verifyToken,
      sessions: app.sessions,
      maxSockets,
      log: app.log,
    });
    const companies = createCompanyAccess(app.claims, app.audit);
    const companyClaims = createCompanyClaims(companies, app.claimsReader, app.rollout);
    setUpVisitorNamespace(visitorNamespace(app.io), {
      ...deps,
      admissionFor: app.admissionFor,
      accessLog: (subject) => accessLogOf(app.audit, subject),
      companies,
      companyClaims,
      subjectFor: createSubjectResolver(companyClaims, app.claimsReader),
      rollout: app.rollout,
      interactions: app.interactions,
      keeps: createKeeps({
        closedOf: app.chat.closedOf,
        archive: createArchiveStore(app.db),
        store: createKeepsStore(app.db),
        nameOf: (advisorId) => app.pool.nameOf(advisorId),
        retentionMs: app.config.transcriptRetentionSeconds * 1000,
      }),
      lifetime: lifetime(app.config.maxSockets.visitor),
    });
    setUpAdvisorNamespace(advisorNamespace(app.io), {
      ...deps,
      pool: app.pool,
      notifier: app.notifier,
      canned: createCannedReplies(app.db),
      defaultCapacity: app.config.advisorDefaultCapacity,
      lifetime: lifetime(app.config.maxSockets.advisor),
    });
    setUpSupervisorNamespace(supervisorNamespace(app.io), {
      verify: app.verifyToken,
      overview: app.overview,
      lifetime: lifetime(app.config.maxSockets.advisor),
      log: app.log,
    });
    // After the namespaces' own middleware: only a verified identity is counted.
    for (const nsp of Object.values(NAMESPACES)) app.io.of(nsp).use(app.limits.handshakesByIdentity);
  },
  {
    name: 'namespaces',
    dependencies: ['auth', 'chat', 'presence', 'realtime', 'rollout', 'limits', 'supervision'],
  },
);
