import { createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, UnauthenticatedError } from '@mmn/errors';
import type { RequestWithPrincipal } from '../access/access.decorator';
import type { User } from '../users/user.entity';

type LoginRequest = RequestWithPrincipal & { body?: unknown; signedInUsers?: Map<string | number, User> };

function fieldKey(context: ExecutionContext): string | number {
  return GqlExecutionContext.create(context).getInfo<{ path: { key: string | number } }>().path.key;
}

/**
 * Runs Passport's local strategy on the `login` mutation's input. Each aliased `login` field gets its own
 * request view, so several in one document are checked (and throttled) one by one.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly views = new WeakMap<ExecutionContext, LoginRequest>();

  override getRequest(context: ExecutionContext): LoginRequest {
    const existing = this.views.get(context);
    if (existing) return existing;
    const gql = GqlExecutionContext.create(context);
    const req = gql.getContext<{ req: LoginRequest }>().req;
    const { input } = gql.getArgs<{ input?: { email?: unknown; password?: unknown } }>();
    const view = Object.create(req) as LoginRequest;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    view.body = { email: text(input?.email), password: text(input?.password) };
    this.views.set(context, view);
    return view;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    const view = this.getRequest(context);
    if (!view.user) throw new UnauthenticatedError('Wrong email or password.');
    const req = GqlExecutionContext.create(context).getContext<{ req: LoginRequest }>().req;
    req.signedInUsers ??= new Map();
    req.signedInUsers.set(fieldKey(context), view.user as unknown as User);
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof DomainError) throw error;
    if (error || !user) throw new UnauthenticatedError('Wrong email or password.');
    return user;
  }
}

/**
 * The type to annotate a `@SignedInUser()` parameter with. It must not be the `User` class itself: the global
 * input validation pipe validates (and whitelists) every class-typed parameter, custom decorators included, and
 * would strip every column off the entity (the session was then issued for an undefined user id).
 */
export type SignedInAccount = Pick<User, keyof User>;

/** The user the local strategy signed in for this `login` field. */
export const SignedInUser = createParamDecorator((_data: unknown, context: ExecutionContext): SignedInAccount => {
  const req = GqlExecutionContext.create(context).getContext<{ req: LoginRequest }>().req;
  const user = req.signedInUsers?.get(fieldKey(context));
  if (!user) throw new UnauthenticatedError('Wrong email or password.');
  return user;
});
