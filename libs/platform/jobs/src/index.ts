// Periodic work: one base class over @nestjs/schedule's registry (ScheduleModule.forRoot() in the app module).
export * from './periodic-job';
