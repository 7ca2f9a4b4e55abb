import { type INestApplicationContext, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
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

const joinPath = (...parts: (string | string[] | undefined)[]) =>
  '/' +
  parts
    .map((part) => (Array.isArray(part) ? part[0] : part) ?? '')
    .join('/')
    .split('/')
    .filter(Boolean)
    .join('/');

/**
 * Every HTTP controller route ("GET /health", "GET /fhir/Practitioner/:id", ...) with its access declaration
 * (undefined when it has none): the same fail-closed rule as GraphQL operations, checked by the same test.
 */
export function collectRouteDeclarations(app: INestApplicationContext): Map<string, AccessRule | undefined> {
  const result = new Map<string, AccessRule | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const metatype = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null | undefined;
      if (typeof metatype !== 'function' || !metatype.prototype) continue;
      const base = Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined;
      for (const method of methodsOf(metatype).values()) {
        const path = Reflect.getMetadata(PATH_METADATA, method) as string | string[] | undefined;
        const verb = Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod | undefined;
        if (path === undefined || verb === undefined) continue;
        const rule =
          (Reflect.getMetadata(ACCESS_METADATA, method) as AccessRule | undefined) ??
          (Reflect.getMetadata(ACCESS_METADATA, metatype) as AccessRule | undefined);
        result.set(`${RequestMethod[verb]} ${joinPath(base, path)}`, rule);
      }
    }
  }
  return result;
}
