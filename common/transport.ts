/** Names both transports agree on. */
export const SECRET_HEADER = 'x-workbench-secret';
export const SECRET_META = 'workbench-secret';
/** The single IPC channel; the method travels inside the message. */
export const IPC_CHANNEL = 'workbench:invoke';
/** The window's live stream (draft bodies as Yjs documents): a WebSocket on the API's origin. */
export const STREAM_PATH = '/stream';
/** Browser mode's change events (common/changes.ts): a GET streaming text/event-stream, secret in the header. */
export const EVENTS_PATH = '/events';
/** The desktop app's change events: main sends them to the window on this IPC channel. */
export const CHANGES_CHANNEL = 'workbench:changes';
