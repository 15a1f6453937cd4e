import { describePrivacy } from './testing/privacy';

describePrivacy('memory');
