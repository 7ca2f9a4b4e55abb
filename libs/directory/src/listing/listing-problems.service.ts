import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';
import { BadUserInputError, NotFoundError, RateLimitedError } from '@mmn/errors';
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
}
