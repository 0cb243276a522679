import { NAMESPACES } from '@infocig/shared';
import fp from 'fastify-plugin';
import { accessLogOf } from '../audit/access-log.ts';
import { createCompanyAccess } from '../claims/company-access.ts';
import { createCompanyClaims } from '../claims/company-claims.ts';
import { createSubjectResolver } from '../claims/conversation-subject.ts';
import { advisorNamespace, visitorNamespace } from '../realtime/typed-sockets.ts';
import { setUpAdvisorNamespace } from './advisor-namespace.ts';
import { setUpVisitorNamespace } from './visitor-namespace.ts';

/** The two namespaces: the widget's and the console's. */
export const namespacesPlugin = fp(
  async (app) => {
    const deps = {
      verify: app.verifyToken,
      chat: app.chat,
      departures: app.departures,
      followUps: app.followUps,
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
      lifetime: lifetime(app.config.maxSockets.visitor),
    });
    setUpAdvisorNamespace(advisorNamespace(app.io), {
      ...deps,
      pool: app.pool,
      notifier: app.notifier,
      defaultCapacity: app.config.advisorDefaultCapacity,
      lifetime: lifetime(app.config.maxSockets.advisor),
    });
    // After the namespaces' own middleware: only a verified identity is counted.
    for (const nsp of [NAMESPACES.visitor, NAMESPACES.advisor])
      app.io.of(nsp).use(app.limits.handshakesByIdentity);
  },
  { name: 'namespaces', dependencies: ['auth', 'chat', 'presence', 'realtime', 'rollout', 'limits'] },
);
