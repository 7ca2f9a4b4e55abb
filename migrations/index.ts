// Every migration, in order. Listed explicitly so the runtime and the CLI see the same set.
import { Foundation1764300000000 } from './1764300000000-Foundation';

export const MIGRATIONS = [Foundation1764300000000];
