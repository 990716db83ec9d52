// Entry of the thread in which a queue worker runs a batch job's fit. As for trial threads, the
// loader hooks of the parent do not reach worker threads on Node 20: register tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./batch-fit-thread.ts');
