// A ceiling for a stuck test, not a budget: a loaded CI machine is slow, and speed is the
// benchmarks' job. Set here because Jest ignores `testTimeout` inside a project's config.
jest.setTimeout(180_000);
