import type * as Tools from './userAtlasTools';

export type UserAtlasTools = typeof Tools;

/** Loads the user atlas tools; called only when an atlas file is read or written. */
export type LoadUserAtlasTools = () => Promise<UserAtlasTools>;
