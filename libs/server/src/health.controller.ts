import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '@mmn/identity';
import { NotificationWorker } from '@mmn/referrals';
import { SearchEngine, SearchOutboxWorker } from '@mmn/search';

type DependencyState = { state: 'up' } | { state: 'down'; error: string };

async function probe(check: () => Promise<unknown>): Promise<DependencyState> {
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000)),
    ]);
    return { state: 'up' };
  } catch (error) {
    return { state: 'down', error: error instanceof Error ? error.message.slice(0, 200) : 'unreachable' };
  }
}

/** GET /health: 200 when every dependency answers, 503 naming the one that does not. */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly searchEngine: SearchEngine,
    private readonly searchOutbox: SearchOutboxWorker,
    private readonly notifications: NotificationWorker,
  ) {}

  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [postgres, meilisearch] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.searchEngine.health()),
    ]);
    const up = postgres.state === 'up' && meilisearch.state === 'up';
    // The search backlog is reported, not judged: writes keep working while Meilisearch catches up.
    const searchOutbox = postgres.state === 'up' ? await this.searchOutbox.backlog().catch(() => null) : null;
    const notifications = postgres.state === 'up' ? await this.notifications.backlog().catch(() => null) : null;
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: up ? 'ok' : 'degraded',
      dependencies: { postgres, meilisearch },
      searchOutbox,
      notifications,
    });
  }
}
