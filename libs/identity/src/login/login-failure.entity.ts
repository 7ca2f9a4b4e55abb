import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins, counted per account and per client address for throttling. */
@Entity('login_failures')
@Index('login_failures_email_idx', ['email', 'at'])
@Index('login_failures_ip_idx', ['ip', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  ip: string;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}
