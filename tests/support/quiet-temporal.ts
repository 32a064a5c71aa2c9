import { DefaultLogger, Runtime } from '@temporalio/worker';

// Worker state changes at INFO drown test output; keep warnings and errors.
Runtime.install({ logger: new DefaultLogger('WARN') });
