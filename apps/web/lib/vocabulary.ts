import { VocabularyDocument, type VocabularyQuery } from '@mmn/api-client';
import { callApi } from './api';
import type { KnownIds } from './search-query';

export type Vocabulary = VocabularyQuery & { ids: KnownIds; conditionNames: Map<string, string> };

const TTL_MS = 5 * 60 * 1000;
let cached: { at: number; value: Promise<Vocabulary> } | undefined;

/** Conditions, techniques and networks change rarely: one fetch per process every five minutes. */
export function vocabulary(): Promise<Vocabulary> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const value = callApi(VocabularyDocument, {}).then((data) => ({
    ...data,
    ids: {
      conditions: new Set(data.conditions.map((c) => c.id)),
      techniques: new Set(data.techniques.map((t) => t.id)),
      networks: new Set(data.networks.map((n) => n.id)),
    },
    conditionNames: new Map(data.conditions.map((c) => [c.id, c.name])),
  }));
  cached = { at: Date.now(), value };
  value.catch(() => {
    if (cached?.value === value) cached = undefined;
  });
  return value;
}
