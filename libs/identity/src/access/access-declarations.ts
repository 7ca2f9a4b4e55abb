import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_METADATA, type AccessRule } from './access.decorator';

/** The methods of a class and its base classes, read through descriptors so that no getter is ever invoked. */
function methodsOf(metatype: abstract new (...args: never[]) => unknown): Map<string, object> {
  const methods = new Map<string, object>();
  for (
    let prototype = metatype.prototype as object | null;
    prototype && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(prototype))) {
      if (key === 'constructor' || methods.has(key) || typeof descriptor.value !== 'function') continue;
      methods.set(key, descriptor.value as object);
    }
  }
  return methods;
}

/**
 * Every root GraphQL operation ("Query.me", "Mutation.login", ...) found on the app's resolvers, with its
 * access declaration (undefined when it has none). Used by the test that keeps every operation declared.
 */
export function collectAccessDeclarations(app: INestApplicationContext): Map<string, AccessRule | undefined> {
  const result = new Map<string, AccessRule | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const metatype = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null | undefined;
      // Factory and value providers have no class of their own to carry resolver methods.
      if (typeof metatype !== 'function' || !metatype.prototype || wrapper.inject) continue;
      for (const [key, method] of methodsOf(metatype)) {
        const type = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation' && type !== 'Subscription') continue;
        const name = (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? key;
        const rule =
          (Reflect.getMetadata(ACCESS_METADATA, method) as AccessRule | undefined) ??
          (Reflect.getMetadata(ACCESS_METADATA, metatype) as AccessRule | undefined);
        result.set(`${type}.${name}`, rule);
      }
    }
  }
  return result;
}
