import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@mmn/shared';

export const ACCESS_METADATA = 'mmn:access';

/** Who may call an operation. Every Query and Mutation declares one (a test enforces it). */
export type AccessRule = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: Role[] };

export interface Principal {
  userId: string;
  role: Role;
}

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user. */
export const SignedIn = () => SetMetadata(ACCESS_METADATA, { kind: 'signed-in' } satisfies AccessRule);
/** Signed-in users with one of these roles. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule));

export interface RequestWithPrincipal {
  user?: Principal;
  ip?: string;
  id?: string;
  headers: Record<string, string | string[] | undefined>;
}

export function requestOf(context: ExecutionContext): RequestWithPrincipal {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithPrincipal>();
}

/** The client's address and request id, for throttling and audit. */
export interface RequestMetaValue {
  ip: string;
  requestId: string;
}

/** Who is calling: the signed-in principal and the request's metadata, for services, throttles and the audit log. */
export interface Caller {
  principal: Principal;
  meta: RequestMetaValue;
}

/**
 * The one caller parameter for resolvers and controllers. On public operations called anonymously `principal` is
 * undefined at run time; operations that use it declare `@SignedIn()` or `@Roles(...)`.
 */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const req = requestOf(context);
  return { principal: req.user!, meta: { ip: req.ip ?? 'unknown', requestId: req.id ?? 'unknown' } };
});
