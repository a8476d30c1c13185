/** Names both transports agree on. */
export const SECRET_HEADER = 'x-workbench-secret';
export const SECRET_META = 'workbench-secret';
/** The single IPC channel; the method travels inside the message. */
export const IPC_CHANNEL = 'workbench:invoke';
