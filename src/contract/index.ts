// The contract between the simulator (worker side) and the page: the types and the small,
// pure constants both sides use. Validators live in ./validate and load where they are used, so
// nothing here pulls a library into a bundle.
export * from './machine';
export * from './limits';
export * from './inputs';
export * from './view';
export * from './happenings';
export * from './trace-codes';
export * from './frame';
export * from './api';
export * from './presets';
export * from './lessons';
export * from './engine-version';
export * from './problems';
export * from './files';
export * from './channels';
export * from './class-session';
