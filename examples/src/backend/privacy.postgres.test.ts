import { describePrivacy } from './testing/privacy';

describePrivacy('postgres');
