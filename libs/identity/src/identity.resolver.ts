import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UseGuards } from '@nestjs/common';
import { CurrentCaller, type Caller, Public, SignedIn } from './access/access.decorator';
import { AuthPayload, LoginInput, RegisterInput } from './dto/auth.inputs';
import { LocalAuthGuard, type SignedInAccount, SignedInUser } from './login/local-auth.guard';
import { AuthService } from './sessions/auth.service';
import { User } from './users/user.entity';
import { UsersService } from './users/users.service';
import { RegistrationThrottleService } from './throttling/registration-throttle.service';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly registrationThrottle: RegistrationThrottleService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload)
  async register(@Args('input') input: RegisterInput, @CurrentCaller() caller: Caller): Promise<AuthPayload> {
    await this.registrationThrottle.admit(caller.meta.ip);
    const user = await this.users.register(input);
    return this.auth.startSession(user);
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  // Non-null as the contract says: aliased login fields run one after another, and the first failure ends the
  // document, so aliases can never add guesses beyond what the throttle counts.
  @Mutation(() => AuthPayload, { description: 'Wrong email or password: UNAUTHENTICATED, same message for both' })
  login(@Args('input') _input: LoginInput, @SignedInUser() user: SignedInAccount): Promise<AuthPayload> {
    return this.auth.startSession(user);
  }

  @Public()
  @Mutation(() => AuthPayload)
  refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken);
  }

  @Public()
  @Mutation(() => Boolean)
  logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  @SignedIn()
  @Query(() => User)
  me(@CurrentCaller() caller: Caller): Promise<User> {
    return this.users.byId(caller.principal.userId);
  }
}
