/** Facts about this build. The version is checked against package.json by a test. */
export const APP_NAME = 'Editorial Workbench';
export const APP_VERSION = '0.1.0';
export const DB_FILE_NAME = 'workbench.sqlite';
