export { realClock, type Clock } from './clock';
export { createVirtualClock, type VirtualClock } from './virtual-clock';
