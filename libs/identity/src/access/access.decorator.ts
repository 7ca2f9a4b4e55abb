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

/** The signed-in caller (undefined on public operations called anonymously). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => requestOf(context).user);

/** The client's address and request id, for throttling and audit. */
export const RequestMeta = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const req = requestOf(context);
  return { ip: req.ip ?? 'unknown', requestId: req.id ?? 'unknown' };
});

export interface RequestMetaValue {
  ip: string;
  requestId: string;
}
