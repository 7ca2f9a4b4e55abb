import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ForbiddenError, ServiceUnavailableError, UnauthenticatedError } from '@mmn/errors';
import { ACCESS_METADATA, type AccessRule, type Principal, requestOf } from './access.decorator';

/**
 * Global guard: reads the operation's access declaration, authenticates bearer tokens through the
 * Passport JWT strategy and checks roles. An operation without a declaration is refused (fail closed).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const type = context.getType<string>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (type === 'graphql') {
      const parentType = this.reflector.get<string | undefined>('graphql:resolver_type', context.getHandler());
      // Field resolvers of object types inherit the decision made for their root operation (subscriptions are roots too).
      if (parentType !== 'Query' && parentType !== 'Mutation' && parentType !== 'Subscription' && rule === undefined)
        return true;
    }
    if (rule === undefined) throw new ForbiddenError('This operation declares no access rule.');
    if (rule.kind === 'public') {
      await this.authenticateOptionally(context);
      return true;
    }
    await super.canActivate(context);
    const user = requestOf(context).user;
    if (!user) throw new UnauthenticatedError();
    if (rule.kind === 'roles' && !rule.roles.includes(user.role)) {
      throw new ForbiddenError(`Only ${rule.roles.join(' or ')} accounts may do this.`);
    }
    return true;
  }

  /** Public operations still learn who the caller is when a valid token is sent; a bad one is ignored. */
  private async authenticateOptionally(context: ExecutionContext): Promise<void> {
    if (!requestOf(context).headers.authorization) return;
    try {
      await super.canActivate(context);
    } catch {
      requestOf(context).user = undefined;
    }
  }

  override handleRequest<TUser = Principal>(error: unknown, user: TUser | false): TUser {
    // A bad token fails without an error; an error is the account look-up failing (the database unreachable). That
    // says nothing about the token, so the caller is not told to sign in again (found by npm run soak, issue 16).
    if (error) throw new ServiceUnavailableError('The service is temporarily unavailable; please try again shortly.');
    if (!user) throw new UnauthenticatedError('Sign in to do this: the access token is missing, invalid or expired.');
    return user;
  }
}
