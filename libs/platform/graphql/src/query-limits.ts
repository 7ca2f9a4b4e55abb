import { ApolloArmor } from '@escape.tech/graphql-armor';

/** OWASP GraphQL limits. Numbers are part of the public behaviour and covered by tests. */
export const QUERY_LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 2000,
  maxCost: 1000,
  maxDirectives: 20,
  maxBodyBytes: 100 * 1024,
} as const;

export function queryLimitProtection() {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, exposeLimits: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: true },
    // graphql-armor counts tokens in a plugin hook, and an error thrown there answers HTTP 500. graphql-js's own
    // parser limit (parseOptions below) stops at the same count with a syntax error, answered 400 BAD_USER_INPUT.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: true },
    costLimit: {
      maxCost: QUERY_LIMITS.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      exposeLimits: true,
    },
    blockFieldSuggestion: { enabled: true },
  });
  return { ...armor.protect(), parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}
