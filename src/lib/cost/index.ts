/** The cost model (pure, React-free): DCU, estimates, usage → money, projections. */
export * from './numbers';
export * from './dcu';
export * from './estimate';
export * from './usage';
export * from './session-cost';
