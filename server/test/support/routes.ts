import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import {
  METHOD_METADATA,
  MODULE_PATH,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
  VERSION_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import {
  ApplicationConfig,
  DiscoveryService,
  MetadataScanner,
  ModulesContainer,
  Reflector,
} from '@nestjs/core';
import { RoutePathFactory } from '@nestjs/core/router/route-path-factory';
import type { Role } from '@whistle/shared';
import { IS_PUBLIC, ROLES_KEY } from '../../src/access/decorators';

/**
 * Every HTTP route the app serves, read from Nest's own metadata (the same decorators the router
 * registers from, and Nest's own path factory for the global prefix and its exclusions), so tests
 * built on this list cannot fall behind the controllers.
 */
export interface DiscoveredRoute {
  /** `GET /api/incidents/:id`: the method and the path as the router registers it. */
  key: string;
  method: HttpMethod;
  path: string;
  /** Path parameter names in order, e.g. `['code', 'format']` for `/services/:code.:format`. */
  params: string[];
  /** @Public(): no token needed (the route may still have its own credentials, like Open311's api_key). */
  isPublic: boolean;
  /** @Roles(...): only these roles; null when any signed-in user may call (scope is the service's). */
  roles: Role[] | null;
  /** The DTO class of @Body(), if the handler declares one (not `unknown`/`object`). */
  bodyType: Type | null;
  /** Whether the handler reads a body at all (@Body, @UploadedFile(s)). */
  takesBody: boolean;
  /** The DTO class of @Query(), if any. */
  queryType: Type | null;
  /** Reads multipart uploads (@UploadedFile / @UploadedFiles); its other fields are form fields. */
  multipart: boolean;
  controller: string;
  handler: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ALL';

const METHOD_NAMES: Partial<Record<RequestMethod, HttpMethod>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.HEAD]: 'HEAD',
  [RequestMethod.OPTIONS]: 'OPTIONS',
  [RequestMethod.ALL]: 'ALL',
};

/** Types a parameter decorator reports for `unknown`, `object` and the like: no DTO to validate against. */
const NOT_A_DTO = new Set<unknown>([Object, String, Number, Boolean, Array, undefined]);

interface RouteArg {
  index: number;
}

export function discoverRoutes(app: INestApplication): DiscoveredRoute[] {
  const modules = app.get(ModulesContainer);
  const discovery = new DiscoveryService(modules);
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const config = app.get(ApplicationConfig);
  const paths = new RoutePathFactory(config);
  const globalPrefix = config.getGlobalPrefix();
  const routes: DiscoveredRoute[] = [];

  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type | null;
    if (!controller || !wrapper.host) continue;
    const modulePath = modulePathOf(wrapper.host.metatype, modules.applicationId);
    const ctrlPaths = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[]);
    const controllerVersion = (
      Reflect.getMetadata(VERSION_METADATA, controller) as { version?: never } | undefined
    )?.version;
    const prototype = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
    for (const handlerName of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[handlerName];
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPaths === undefined) continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      const method = METHOD_NAMES[requestMethod];
      if (!method)
        throw new Error(`${controller.name}.${handlerName}: unknown request method ${requestMethod}`);
      const targets = [handler, controller];
      const args = routeArgs(controller, handlerName, prototype);
      for (const ctrlPath of ctrlPaths) {
        for (const methodPath of asArray(methodPaths)) {
          const served = paths.create(
            {
              ctrlPath,
              methodPath,
              modulePath,
              globalPrefix,
              controllerVersion,
              methodVersion: Reflect.getMetadata(VERSION_METADATA, handler) as never,
              versioningOptions: config.getVersioning(),
            },
            requestMethod,
          );
          for (const path of served) {
            routes.push({
              key: `${method} ${path}`,
              method,
              path,
              params: paramNames(path),
              isPublic: reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true,
              roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? null,
              ...args,
              controller: controller.name,
              handler: handlerName,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The endpoints the Express router holds, whoever registered them (controllers, Swagger UI), as
 * `METHOD /path`. Middleware Nest binds to paths sits in the same stack but on every method at
 * once, so a route bound to exactly one method is an endpoint.
 */
export function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: ExpressRouter };
  const endpoints = express.router.stack.flatMap((layer) => {
    const methods = Object.keys(layer.route?.methods ?? {});
    return layer.route && methods.length === 1 ? [`${methods[0]?.toUpperCase()} ${layer.route.path}`] : [];
  });
  return [...new Set(endpoints)].sort();
}

interface ExpressRouter {
  stack: { route?: { path: string; methods: Record<string, boolean> } }[];
}

/** Does `path` (a concrete request path, query string allowed) fall under this route's pattern? */
export function routeMatches(route: Pick<DiscoveredRoute, 'method' | 'path'>, method: string, path: string) {
  if (route.method !== 'ALL' && route.method !== method.toUpperCase()) return false;
  return routePattern(route.path).test(path.split('?')[0] ?? '');
}

/** `/open311/v2/services/:code.:format` → a regular expression matching concrete paths. */
export function routePattern(routePath: string): RegExp {
  const source = routePath
    .split(/(:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part.startsWith(':') ? '([^/]+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/** `/api/incidents/:id` with `{ id: 'x y' }` → `/api/incidents/x%20y`. */
export function fillPath(routePath: string, values: Record<string, string>): string {
  return routePath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${routePath}`);
    return encodeURIComponent(value);
  });
}

function paramNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '');
}

function routeArgs(
  controller: Type,
  handlerName: string,
  prototype: object,
): Pick<DiscoveredRoute, 'bodyType' | 'takesBody' | 'queryType' | 'multipart'> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<
    string,
    RouteArg
  >;
  const types = (Reflect.getMetadata('design:paramtypes', prototype, handlerName) ?? []) as unknown[];
  const argOf = (type: RouteParamtypes): RouteArg | undefined =>
    Object.entries(args).find(([key]) => key.split(':')[0] === String(type))?.[1];
  const dto = (arg: RouteArg | undefined): Type | null => {
    const type = arg ? types[arg.index] : undefined;
    return NOT_A_DTO.has(type) ? null : (type as Type);
  };
  const body = argOf(RouteParamtypes.BODY);
  const multipart = argOf(RouteParamtypes.FILE) !== undefined || argOf(RouteParamtypes.FILES) !== undefined;
  return {
    bodyType: dto(body),
    takesBody: body !== undefined || multipart,
    queryType: dto(argOf(RouteParamtypes.QUERY)),
    multipart,
  };
}

function modulePathOf(moduleClass: unknown, applicationId: string | undefined): string | undefined {
  if (typeof moduleClass !== 'function') return undefined;
  return ((applicationId && Reflect.getMetadata(MODULE_PATH + applicationId, moduleClass)) ||
    Reflect.getMetadata(MODULE_PATH, moduleClass)) as string | undefined;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [''] as T[];
  return Array.isArray(value) ? value : [value];
}
