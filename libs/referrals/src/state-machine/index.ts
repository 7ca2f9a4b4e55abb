export * from './referral-state-machine';
