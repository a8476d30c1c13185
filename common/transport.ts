/** Names both transports agree on. */
export const SECRET_HEADER = 'x-workbench-secret';
export const SECRET_META = 'workbench-secret';
/** The single IPC channel; the method travels inside the message. */
export const IPC_CHANNEL = 'workbench:invoke';
/** The window's live stream (draft bodies as Yjs documents): a WebSocket on the API's origin. */
export const STREAM_PATH = '/stream';
