/**
 * Phone numbers as residents type them: Belgian national (056 73 33 11, 0470 12 34 56), Belgian
 * international (+32 470 12 34 56, 0032 ...) and foreign international (+44 20 7946 0958). The
 * result is E.164 (+3256733311), so staff can call it and the same number is stored once.
 */

// Spaces, dots, dashes, slashes and brackets are how people group digits; none of them carries meaning.
const SEPARATORS = /[\s.\-/()]/g;

/**
 * A Belgian number without its leading 0 (or +32): 8 digits for a fixed line or a service number
 * (56 73 33 11, 800 12 345), 9 digits starting with 45-49 for a mobile phone.
 */
const isBelgianNationalPart = (digits: string): boolean => /^[1-9]\d{7}$/.test(digits) || /^4[5-9]\d{7}$/.test(digits);

/** The number in E.164 (`+32470123456`), or null when it cannot be a phone number. */
export const normalizePhoneNumber = (input: string): string | null => {
  // "+32 (0)56 ..." is how many letterheads write it; the (0) is only dialled from inside Belgium.
  const compact = input.replace(/\(0\)/g, '').replace(SEPARATORS, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (/^\+[1-9]\d{6,14}$/.test(international)) {
    return international.startsWith('+32') && !isBelgianNationalPart(international.slice(3)) ? null : international;
  }
  if (/^0[1-9]\d{7,8}$/.test(compact) && isBelgianNationalPart(compact.slice(1))) return `+32${compact.slice(1)}`;
  return null;
};
