// @referral-kit/mocks: deterministic fixtures and msw handlers for every referral-kit route and failure mode.
export * from './fixtures/index.js';
