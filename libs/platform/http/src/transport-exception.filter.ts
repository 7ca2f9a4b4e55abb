import { type ArgumentsHost, Catch, type ExceptionFilter, Inject, Logger, Optional } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { describeUnexpected, DomainError, ErrorCode, internalErrorMessage, toDomainError } from '@mmn/errors';
import { toGraphQLError } from '@mmn/graphql-platform';
import { HTTP_ERROR_RENDERERS, type HttpErrorRenderer, httpStatusOf, jsonErrorRenderer } from './http-error-renderer';

/**
 * The one exception filter for every transport. GraphQL errors get `extensions.code`; HTTP routes answer with the
 * code's status and the body of the renderer that handles the path (JSON unless a transport such as FHIR
 * registers its own). Unexpected errors are logged without data and answer INTERNAL with a request id.
 */
@Catch()
export class TransportExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() @Inject(HTTP_ERROR_RENDERERS) private readonly renderers: HttpErrorRenderer[] = []) {}

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') {
      const context = GqlArgumentsHost.create(host).getContext<{ req?: { id?: string } }>();
      return toGraphQLError(exception, context?.req?.id, {
        error: (details, message) => this.logger.error({ ...details, msg: message }),
      });
    }
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    let error = toDomainError(exception);
    if (!error) {
      this.logger.error({
        error: describeUnexpected(exception),
        requestId: req.id,
        msg: 'unexpected error in a route',
      });
      error = new DomainError(ErrorCode.INTERNAL, internalErrorMessage(req.id), { requestId: req.id });
    }
    if (res.headersSent) return;
    const renderer = this.renderers.find((r) => r.handles(req.path)) ?? jsonErrorRenderer;
    const retryAfter = error.extensions.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(Math.ceil(retryAfter)));
    res
      .status(httpStatusOf(error))
      .type(renderer.contentType)
      .send(JSON.stringify(renderer.body(error)));
  }
}
