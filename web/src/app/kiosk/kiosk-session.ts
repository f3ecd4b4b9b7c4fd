import { createContext, useContext } from 'react';

/** What a kiosk page may ask of the kiosk around it. */
export type KioskSession = {
  /** The visitor is done: clear everything they did and start over for the next person, now. */
  finish: () => void;
};

export const KioskSessionContext = createContext<KioskSession | null>(null);

/** The kiosk session around a page, or null outside the kiosk. */
export const useKioskSession = (): KioskSession | null => useContext(KioskSessionContext);
