/// <reference types="next" />
// Side-effect style imports (the design system's CSS in the root layout).
declare module '*.css';
