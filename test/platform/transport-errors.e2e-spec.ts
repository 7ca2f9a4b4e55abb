import { Controller, Get, Module, Param } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@mmn/errors';
import { type Caller, CurrentCaller, Public, Roles, SignedIn } from '@mmn/identity';
import { Role } from '@mmn/shared';
import { createTestApp, type TestApp } from '@mmn/testing';
import { registered } from '../identity/identity-helpers';

const raise = (code: string): never => {
  if (code === 'UNEXPECTED') throw new Error('SELECT secret FROM patients');
  const extensions =
    code === 'BAD_USER_INPUT'
      ? { fields: ['input.name'], problems: [{ path: 'input.name', message: 'is required' }] }
      : code === 'RATE_LIMITED'
        ? { retryAfterSeconds: 42 }
        : {};
  throw new DomainError(code as ErrorCode, `refused with ${code}`, extensions);
};

@Controller('transport-test')
class TransportTestController {
  @Public()
  @Get('raise/:code')
  raise(@Param('code') code: string): never {
    return raise(code);
  }

  @SignedIn()
  @Get('signed-in')
  signedIn(@CurrentCaller() caller: Caller) {
    return { role: caller.principal.role };
  }

  @Roles(Role.ADMIN)
  @Get('admins')
  admins() {
    return { ok: true };
  }
}

@Resolver()
class TransportTestResolver {
  @Public()
  @Query(() => Boolean)
  transportTestRaise(@Args('code') code: string): boolean {
    return raise(code);
  }
}

@Module({ controllers: [TransportTestController], providers: [TransportTestResolver] })
class TransportTestModule {}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

describe('errors on every transport', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, [TransportTestModule]);
  });
  afterAll(() => t.close());

  const getJson = async (path: string, token?: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { error: Record<string, unknown> } };
  };

  it.each(Object.keys(STATUS))('HTTP/JSON answers %s with its status and a coded body', async (code) => {
    const res = await getJson(`/transport-test/raise/${code}`);
    expect(res.status).toBe(STATUS[code]);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body.error).toMatchObject({ code, message: `refused with ${code}` });
    if (code === 'BAD_USER_INPUT') expect(res.body.error.fields).toEqual(['input.name']);
    if (code === 'RATE_LIMITED') expect(res.headers.get('retry-after')).toBe('42');
  });

  it.each(Object.keys(STATUS))('GraphQL answers %s in extensions.code, as before', async (code) => {
    const res = await t.gql<{ transportTestRaise: boolean }>(`query ($c: String!) { transportTestRaise(code: $c) }`, {
      c: code,
    });
    expect(res.errors?.[0]).toMatchObject({ message: `refused with ${code}`, extensions: { code } });
    if (code === 'BAD_USER_INPUT') expect(res.errors?.[0].extensions.fields).toEqual(['input.name']);
  });

  it('answers an unexpected error with INTERNAL and a request id on both transports, never the detail', async () => {
    const http = await getJson('/transport-test/raise/UNEXPECTED');
    expect(http.status).toBe(500);
    expect(http.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(http.body)).not.toMatch(/SELECT|secret|stack/i);
    const gql = await t.gql(`{ transportTestRaise(code: "UNEXPECTED") }`);
    expect(gql.errors?.[0].extensions.code).toBe('INTERNAL');
    expect(JSON.stringify(gql)).not.toMatch(/SELECT|secret/);
  });

  it("answers the access guard's refusals on HTTP routes with 401 and 403, and lets the right caller in", async () => {
    const anonymous = await getJson('/transport-test/signed-in');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const patient = await registered(t, { role: 'PATIENT' });
    const signedIn = await getJson('/transport-test/signed-in', patient.accessToken);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({ role: 'PATIENT' });
    const forbidden = await getJson('/transport-test/admins', patient.accessToken);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
  });
});
