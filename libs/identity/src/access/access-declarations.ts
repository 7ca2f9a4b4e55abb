import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_METADATA, type AccessRule } from './access.decorator';

/**
 * Every root GraphQL operation ("Query.me", "Mutation.login", ...) found on the app's resolvers, with its
 * access declaration (undefined when it has none). Used by the test that keeps every operation declared.
 */
export function collectAccessDeclarations(app: INestApplicationContext): Map<string, AccessRule | undefined> {
  const result = new Map<string, AccessRule | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[key];
        if (typeof method !== 'function') continue;
        const type = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation') continue;
        const name = (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? key;
        const rule =
          (Reflect.getMetadata(ACCESS_METADATA, method) as AccessRule | undefined) ??
          (Reflect.getMetadata(ACCESS_METADATA, wrapper.metatype) as AccessRule | undefined);
        result.set(`${type}.${name}`, rule);
      }
    }
  }
  return result;
}
