/** The cost views' model (pure, React-free): fleet totals, the region fan-out, idle sessions, right-sizing (per session and per template). */
export * from './fan-out';
export * from './fleet';
export * from './idle';
export * from './right-sizing';
export * from './template-right-sizing';
