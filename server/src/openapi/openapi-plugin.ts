import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';

/** A route as registered, for the check that every REST route is described. */
export interface RouteEntry {
  method: string;
  url: string;
  /** Marked as not part of the REST API (static files, the docs page, the job board). */
  hidden: boolean;
  /** Has a zod schema for at least one response. */
  described: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after this plugin, in order. */
    routeInventory: RouteEntry[];
  }
}

/**
 * Requests are validated and answers serialised by the zod schemas each route declares, and the
 * OpenAPI 3 document is generated from those same schemas, so what is described is what is
 * enforced. Registered before any route: @fastify/swagger learns routes as they are added.
 */
export const openapiPlugin = fp(
  async (app) => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);

    const inventory: RouteEntry[] = [];
    app.decorate('routeInventory', inventory);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const schema = route.schema;
      for (const method of methods) {
        if (method === 'HEAD') continue;
        inventory.push({
          method,
          url: route.url,
          hidden: schema?.hide === true,
          described: Boolean(schema?.response),
        });
      }
    });

    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'infocig REST API',
          version: '0.1.0',
          description:
            'REST side of infocig. The realtime (Socket.IO) protocol is described in shared/PROTOCOL.md. ' +
            'Errors answer `{ error: { code, message, issues? } }` with a stable code.',
        },
        components: {
          securitySchemes: {
            portalToken: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description: "The portal's ES256 identity token (the same one the sockets present).",
            },
            metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
  },
  { name: 'openapi' },
);
