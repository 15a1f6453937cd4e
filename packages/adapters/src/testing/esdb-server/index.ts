export { startInProcessEventStoreDb, type InProcessEventStoreDb, type InProcessEventStoreDbOptions, type StoredBytes } from './server';
