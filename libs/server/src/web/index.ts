// The website (apps/web) served from the API's port: build check, Next request handler, page security headers.
export * from './security-headers';
export * from './web-build';
export * from './web-context';
export * from './web.module';
