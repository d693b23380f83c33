// The DCU rules are shared with the emulator, so they live in src/schemas.
export * from '../../schemas/dcu';
