import { v7 as uuidv7 } from 'uuid';

/** Client-made ids, as the extension makes them (uuid v7). */
export const newId = (): string => uuidv7();
