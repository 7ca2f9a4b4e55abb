import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Role } from '@mmn/shared';
import { User } from '../users/user.entity';

/** How long a request may rely on an account read by an earlier one. */
export const ACCOUNT_CACHE_MS = 3000;
const MAX_ENTRIES = 10_000;

export interface AccountState {
  id: string;
  role: Role;
}

/**
 * The account behind an access token, read per request and kept for a few seconds at most: a deleted or re-roled
 * account loses its old rights within ACCOUNT_CACHE_MS, not when its token expires.
 */
@Injectable()
export class AccountCache {
  private readonly entries = new Map<string, { account: AccountState | null; at: number }>();

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async get(id: string): Promise<AccountState | null> {
    const now = Date.now();
    const cached = this.entries.get(id);
    if (cached && now - cached.at < ACCOUNT_CACHE_MS) return cached.account;
    const user = await this.users.findOne({ where: { id }, select: { id: true, role: true } });
    const account = user ? { id: user.id, role: user.role } : null;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(id, { account, at: now });
    return account;
  }

  /** Forget an account at once (e.g. after changing its role in this process). */
  forget(id: string): void {
    this.entries.delete(id);
  }
}
