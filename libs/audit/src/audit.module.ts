import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogEntry } from './audit-log-entry.entity';
import { AuditLog } from './audit-log.service';
import { AuditTrail } from './audit-trail';
import { AuditLogQuery } from './audit-log-query.service';
import { AuditLogResolver } from './audit-log.resolver';

export const AUDIT_ENTITIES = [AuditLogEntry];

@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  providers: [AuditLog, AuditTrail, AuditLogQuery, AuditLogResolver],
  exports: [AuditLog, AuditTrail],
})
export class AuditModule {}
