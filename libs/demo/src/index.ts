// Demo data: a generated directory (therapists, providers) and the demo accounts seeded by `npm start` and `npm run seed`.
export * from './demo-directory';
export * from './seed-demo';
export * from './seed-directory';
