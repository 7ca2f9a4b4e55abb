import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { requestOf } from '../access/access.decorator';
import { type Budget, RateLimitsService } from './rate-limits.service';

export const COST_METADATA = 'mmn:cost';

/** What one call of an operation costs against the caller's per-minute budget; 1 when not declared. */
export type CostRule = (args: Record<string, unknown>) => number;

/** Declares the cost of an expensive public operation, e.g. a wide search: `@Cost((args) => ...)`. */
export const Cost = (rule: CostRule) => SetMetadata(COST_METADATA, rule);

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Per-address budgets for anonymous traffic: every root GraphQL field (each alias counts) spends one request of
 * ANONYMOUS_REQUESTS_PER_MINUTE and its declared cost of ANONYMOUS_COST_PER_MINUTE, so a few clients sending wide
 * searches cannot slow the directory down for everyone. The address is the client's as Express sees it: the TCP
 * peer, or the X-Forwarded-For entry added by a proxy on loopback (the website's server passes its visitor on).
 * Signed-in callers are not counted here; their operations are checked per account by the services.
 */
@Injectable()
export class ClientBudgetInterceptor implements NestInterceptor {
  private readonly requests: Budget;
  private readonly cost: Budget;

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitsService,
    @Inject(APP_CONFIG) config: ResolvedConfig,
  ) {
    this.requests = { name: 'anon-requests', points: config.limits.anonymousRequestsPerMinute, durationSeconds: 60 };
    this.cost = { name: 'anon-cost', points: config.limits.anonymousCostPerMinute, durationSeconds: 60 };
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const type = this.reflector.get<string | undefined>('graphql:resolver_type', context.getHandler());
    if (!type || !ROOT_TYPES.has(type)) return next.handle();
    const req = requestOf(context);
    if (req.user) return next.handle();
    const ip = req.ip ?? 'unknown';
    const rule = this.reflector.get<CostRule | undefined>(COST_METADATA, context.getHandler());
    const cost = rule ? Math.max(1, Math.ceil(rule(GqlExecutionContext.create(context).getArgs()))) : 1;
    const message = (retry: number) => `Too many requests from your address; try again in ${retry} seconds.`;
    await this.limits.spend(this.requests, ip, 1, message);
    await this.limits.spend(this.cost, ip, cost, message);
    return next.handle();
  }
}
