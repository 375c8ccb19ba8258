import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * Whether the customer file on screen may be changed by the viewer (shared/domain/access.ts:
 * 'shared' or 'full'). Sections, contacts and their forms read it and offer no edit buttons
 * otherwise; the server refuses such writes anyway.
 */
export const CanEditContext = createContext(true);
export const useCanEdit = (): boolean => useContext(CanEditContext);
