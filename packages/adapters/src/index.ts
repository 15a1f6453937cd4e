export * from './store/port';
export * from './store/errors';
export * from './store/serializer';
