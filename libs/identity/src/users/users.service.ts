import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, type Repository } from 'typeorm';
import { isUniqueViolation } from '@mmn/database';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@mmn/errors';
import { Role } from '@mmn/shared';
import { hashPassword, passwordProblem, personalInputs } from '../passwords/password-policy';
import { emailLookAlikeProblem, normaliseEmail } from './email-rules';
import { User } from './user.entity';

export { normaliseEmail } from './email-rules';

export interface Registration {
  email: string;
  password: string;
  role: Role;
  displayName: string;
}

/** Runs inside the registration transaction, e.g. to create the therapist's or provider's empty profile. */
export type RegistrationHook = (user: User, manager: EntityManager) => Promise<void>;

@Injectable()
export class UsersService {
  private readonly hooks: RegistrationHook[] = [];

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onRegistered(hook: RegistrationHook): void {
    this.hooks.push(hook);
  }

  async register(registration: Registration): Promise<User> {
    if (registration.role === Role.ADMIN) throw new ForbiddenError('Administrator accounts cannot be registered.');
    return this.create(registration);
  }

  /** Creates the configured administrator once (on start), when no account has that email yet. */
  async ensureAdmin(email: string, password: string, displayName = 'Administrator'): Promise<User> {
    const existing = await this.users.findOneBy({ email: normaliseEmail(email) });
    if (existing) return existing;
    return this.create({ email, password, role: Role.ADMIN, displayName });
  }

  async byId(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User');
    return user;
  }

  private async create(registration: Registration): Promise<User> {
    const lookAlike = emailLookAlikeProblem(normaliseEmail(registration.email));
    if (lookAlike) throw BadUserInputError.field('input.email', `The email address ${lookAlike}.`);
    const problem = passwordProblem(
      registration.password,
      personalInputs(registration.email, registration.displayName),
    );
    if (problem) throw BadUserInputError.field('input.password', `Password ${problem}.`);
    const passwordHash = await hashPassword(registration.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = manager.create(User, {
          email: normaliseEmail(registration.email),
          role: registration.role,
          displayName: registration.displayName.trim(),
          passwordHash,
        });
        await manager.save(user);
        for (const hook of this.hooks) await hook(user, manager);
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key'))
        throw new ConflictError('An account with this email already exists.');
      throw error;
    }
  }
}
