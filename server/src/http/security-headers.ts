import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/** Security headers; the CSP allows only this origin (pages, scripts, the Socket.IO connection). */
export const securityHeaders = fp(async (app) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The demo runs on plain http://127.0.0.1; production TLS terminates in front of the server,
    // and browsers must then never try plain HTTP on this host or its subdomains for a year.
    hsts:
      app.config.env === 'production'
        ? { maxAge: 31_536_000, includeSubDomains: true, preload: false }
        : false,
  });
});
