import { Injectable, OnModuleInit, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from './access.decorators';

export interface CatalogRoute {
  method: string;
  /** Full path with the /api prefix and :params, e.g. `/api/units/:id`. */
  path: string;
  controller: string;
  handler: string;
  rule: AccessRule | undefined;
}

function joinPath(...parts: Array<string | undefined>): string {
  return (
    '/' +
    parts
      .flatMap((part) => (part ?? '').split('/'))
      .filter(Boolean)
      .join('/')
  );
}

/**
 * Every HTTP route of the application with its access rule, read from the controllers.
 * At start-up it refuses to boot if a route declares no rule (deny by default); the
 * authorization matrix test is generated from the same list.
 */
@Injectable()
export class RouteCatalog implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(prefix = 'api'): CatalogRoute[] {
    const routes: CatalogRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      const instance = wrapper.instance as object | undefined;
      if (!type || !instance) continue;
      const base = this.reflector.get<string | string[]>(PATH_METADATA, type);
      const classRule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, type);
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const path = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, handler) ?? classRule;
        for (const basePath of [base].flat()) {
          for (const routePath of [path].flat()) {
            routes.push({
              method: RequestMethod[method],
              path: joinPath(prefix, basePath, routePath),
              controller: type.name,
              handler: name,
              rule,
            });
          }
        }
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }

  onModuleInit(): void {
    const undeclared = this.routes().filter((route) => !route.rule);
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without an access rule (add @Access.*): ${undeclared.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`).join(', ')}`,
      );
    }
  }
}
