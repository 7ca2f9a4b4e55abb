import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Not, type Repository } from 'typeorm';
import { BadUserInputError, ConflictError, NotFoundError, RateLimitedError } from '@mmn/errors';
import type { Principal } from '@mmn/identity';
import { isUuid } from '@mmn/shared';
import { TherapistsService } from '../services/therapists.service';
import { ListingProblemReport } from './listing-problem-report.entity';
import type { ListingProblemInput } from './listing-problem.models';

export const REPORT_WINDOW_MS = 60 * 60 * 1000;
export const MAX_REPORTS_PER_CLIENT = 5;

/** "Report a problem with this listing": anyone may report, at most 5 reports per client address an hour. */
@Injectable()
export class ListingProblemsService {
  constructor(
    @InjectRepository(ListingProblemReport) private readonly reports: Repository<ListingProblemReport>,
    private readonly therapists: TherapistsService,
  ) {}

  async report(input: ListingProblemInput, clientIp: string): Promise<boolean> {
    if (input.details.includes('\0')) throw BadUserInputError.field('input.details', 'must not contain NUL characters');
    const recent = await this.reports.count({
      where: { clientIp, createdAt: MoreThan(new Date(Date.now() - REPORT_WINDOW_MS)) },
    });
    if (recent >= MAX_REPORTS_PER_CLIENT) {
      throw new RateLimitedError(
        'Too many reports from this address; please try again in an hour.',
        REPORT_WINDOW_MS / 1000,
      );
    }
    if (!isUuid(input.therapistId) || !(await this.therapists.publicProfile(input.therapistId))) {
      throw new NotFoundError('Therapist');
    }
    await this.reports.insert({
      therapistId: input.therapistId,
      category: input.category,
      details: input.details,
      contactEmail: input.contactEmail ?? null,
      clientIp,
    });
    return true;
  }

  /** The administrators' list: open reports (or resolved ones), oldest open first, newest resolved first. */
  async list(resolved: boolean, first: number): Promise<ListingProblemReport[]> {
    const reports = await this.reports.find({
      where: { resolvedAt: resolved ? Not(IsNull()) : IsNull() },
      order: resolved ? { resolvedAt: 'DESC', id: 'ASC' } : { createdAt: 'ASC', id: 'ASC' },
      take: first,
    });
    return this.withTherapists(reports);
  }

  async resolve(admin: Principal, id: string, note: string): Promise<ListingProblemReport> {
    const trimmed = note.trim();
    if (trimmed.length === 0 || trimmed.length > 2000)
      throw BadUserInputError.field('note', 'must be 1 to 2000 characters');
    const report = isUuid(id) ? await this.reports.findOne({ where: { id } }) : null;
    if (!report) throw new NotFoundError('Listing problem report');
    const result = await this.reports
      .createQueryBuilder()
      .update()
      .set({ resolvedAt: () => 'now()', resolutionNote: trimmed, resolvedBy: admin.userId })
      .where('id = :id AND resolved_at IS NULL', { id })
      .execute();
    if (result.affected !== 1) throw new ConflictError('This report was already resolved.');
    const [resolved] = await this.withTherapists([await this.reports.findOneOrFail({ where: { id } })]);
    return resolved;
  }

  private async withTherapists(reports: ListingProblemReport[]): Promise<ListingProblemReport[]> {
    const therapists = await this.therapists.loadMany([...new Set(reports.map((r) => r.therapistId))]);
    for (const report of reports) report.therapist = therapists.get(report.therapistId);
    return reports.filter((report) => report.therapist !== undefined);
  }
}
