import { describeLifecycle } from './testing/lifecycle';

describeLifecycle('memory');
