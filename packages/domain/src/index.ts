export * from './codec/decode';
export * from './codec/primitives';
export * from './events/people';
export * from './events/meeting';
export * from './events/user';
export * from './events/account';
export * from './events/catalogue';
export * from './events/streams';
export { upcast } from './events/upcast';
