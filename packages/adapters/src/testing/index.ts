export { describeEventStoreContract, type StoreFactory, type StoreUnderTest } from './store-contract';
