import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@mmn/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

registerEnumType(Role, { name: 'Role' });

@ObjectType('User')
@Entity('users')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lower-cased, so uniqueness is case-insensitive. */
  @Field()
  @Index('users_email_key', { unique: true })
  @Column('text')
  email: string;

  @Field(() => Role)
  @Column('text')
  role: Role;

  @Field()
  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
