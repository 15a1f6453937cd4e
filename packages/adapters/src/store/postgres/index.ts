export {
  createPostgresEventStore,
  type PostgresConnection,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from './store';
