/** Test helpers: in-memory fakes of every port, a fixed clock and builders. Never exported from the package root. */
export * from './builders';
export * from './clone';
export * from './in-memory';
export * from './world';
