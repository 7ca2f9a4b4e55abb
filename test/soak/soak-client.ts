/**
 * The soak's GraphQL client: a round-robin "load balancer" over the API processes (it sends nothing to one that is
 * down, as a health-checking balancer would), a request id per operation (so audit rows can be matched), and a
 * history of what every operation was told.
 */
import { performance } from 'perf_hooks';
import type { ApiProcess } from './soak-services';
import { type Answer, classifyNetworkError, classifyResponse, type OpRecord } from './soak-history';

const TIMEOUT_MS = 60_000;

export interface CallOptions {
  client: number;
  token?: string;
  /** Goes through the referral services: one audit row is expected for it. */
  audited?: boolean;
  /** A fixed API process (to race two requests on both); round-robin otherwise. */
  api?: number;
  /** Counted as one of the run's operations and kept in the history (setup calls are not). */
  record?: boolean;
}

export class SoakClient {
  readonly history: OpRecord[] = [];
  readonly startedAt = performance.now();
  private nextId = 1;
  private nextApi = 0;
  private readonly inFlightWrites = new Map<number, number>();

  constructor(
    private readonly apis: ApiProcess[],
    private readonly runId: string,
  ) {}

  /** Operations answered so far (the run's progress). */
  get done(): number {
    return this.history.length;
  }

  /** Writes sent to this API process and not answered yet. */
  writesInFlight(api: number): number {
    return this.inFlightWrites.get(api) ?? 0;
  }

  private pickApi(): number {
    for (let i = 0; i < this.apis.length; i++) {
      const api = this.nextApi++ % this.apis.length;
      if (this.apis[api].up) return api;
    }
    return this.nextApi++ % this.apis.length;
  }

  async call<T>(
    kind: string,
    query: string,
    variables: Record<string, unknown>,
    options: CallOptions,
  ): Promise<Answer<T> & { opId: number }> {
    const opId = this.nextId++;
    const api = options.api ?? this.pickApi();
    const requestId = `soak-${this.runId}-${opId}`;
    const write = query.trimStart().startsWith('mutation');
    if (write) this.inFlightWrites.set(api, this.writesInFlight(api) + 1);
    const startMs = performance.now();
    let answer: Answer<T>;
    try {
      const res = await fetch(`${this.apis[api].url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-request-id': options.record === false ? `setup-${requestId}` : requestId,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      let body: Parameters<typeof classifyResponse<T>>[1];
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        body = undefined;
      }
      answer = classifyResponse<T>(res.status, body);
    } catch (error) {
      answer = classifyNetworkError(error) as Answer<T>;
    } finally {
      if (write) this.inFlightWrites.set(api, this.writesInFlight(api) - 1);
    }
    if (options.record !== false)
      this.history.push({
        id: opId,
        requestId,
        client: options.client,
        api,
        kind,
        audited: options.audited ?? false,
        startMs: startMs - this.startedAt,
        endMs: performance.now() - this.startedAt,
        outcome: answer.outcome,
        code: answer.code,
      });
    return { ...answer, opId };
  }

  /** A setup call that must succeed (retried a few times: a restart may be under way). */
  async must<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const answer = await this.call<T>('setup', query, variables, { client: -1, token, record: false });
      if (answer.outcome === 'ok') return answer.data!;
      if (attempt >= 5) throw new Error(`setup call failed: ${answer.outcome} ${answer.code ?? ''}: ${query}`);
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }

  async signIn(email: string, password: string): Promise<{ token: string; userId: string }> {
    const data = await this.must<{ login: { accessToken: string; user: { id: string } } }>(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }',
      { input: { email, password } },
    );
    return { token: data.login.accessToken, userId: data.login.user.id };
  }
}
