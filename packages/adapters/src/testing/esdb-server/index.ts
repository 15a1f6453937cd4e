export { startInProcessEventStoreDb, type InProcessEventStoreDb, type InProcessEventStoreDbOptions } from './server';
