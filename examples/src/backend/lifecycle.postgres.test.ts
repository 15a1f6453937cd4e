import { describeLifecycle } from './testing/lifecycle';

describeLifecycle('postgres');
