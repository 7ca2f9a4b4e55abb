// The input transforms live in @mmn/shared; re-exported for the directory's inputs.
export { lowerEach, trim, trimUpper } from '@mmn/shared';
