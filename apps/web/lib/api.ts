import { print } from 'graphql';
import type { TypedDocumentNode } from '@mmn/api-client';
import { hostContext } from './host';

/** An error the API answered with; `code` is its extensions.code (BAD_USER_INPUT, NOT_FOUND, ...). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: string[] = [],
    readonly problems: { path: string; message: string }[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: {
      code?: string;
      fields?: string[];
      problems?: { path: string; message: string }[];
      retryAfterSeconds?: number;
    };
  }[];
}

const printed = new WeakMap<object, string>();

function source(document: TypedDocumentNode<unknown, unknown>): string {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/**
 * Calls the API over GraphQL from the server (backend-for-frontend): the browser never talks to /graphql. The
 * client's address is forwarded so per-client throttles see the person, not this server.
 */
export async function callApi<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { accessToken?: string } = {},
): Promise<TData> {
  const host = await hostContext();
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': host.clientIp };
  // Signed-in calls carry the visitor's access token, read from its HttpOnly cookie on this server only.
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  let response: Response;
  try {
    response = await fetch(host.apiUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: source(document as TypedDocumentNode<unknown, unknown>), variables }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('SERVICE_UNAVAILABLE', 'The directory is not reachable right now.');
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TData>;
  const error = body.errors?.[0];
  if (error) {
    const ext = error.extensions ?? {};
    throw new ApiError(ext.code ?? 'INTERNAL', error.message, ext.fields, ext.problems, ext.retryAfterSeconds);
  }
  if (!body.data) throw new ApiError('INTERNAL', 'The directory gave an empty answer.');
  return body.data;
}
