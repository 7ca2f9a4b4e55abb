// Composition root: assembles the domain modules into the API application, and starts its dependencies.
export * from './app.module';
export * from './create-app';
export * from './data-source';
export * from './entities';
export * from './start-system';
export * from './web';
