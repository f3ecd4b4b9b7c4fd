/**
 * Keyboard rules of the ARIA 1.2 combobox (a text box with a list of suggestions), shared by the
 * catalogue search and the address field's street suggestions.
 */

/** Moves the active option of a listbox one step, wrapping around; -1 means "back in the text box". */
export const stepOption = (active: number, count: number, step: 1 | -1): number => {
  if (count === 0) return -1;
  if (active === -1) return step === 1 ? 0 : count - 1;
  const next = active + step;
  return next < 0 || next >= count ? -1 : next;
};
