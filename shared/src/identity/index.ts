export {
  formatNationalNumber,
  isValidNationalNumber,
  type MakeNationalNumberOptions,
  makeNationalNumber,
  maskNationalNumber,
  type NationalNumber,
  type NationalNumberError,
  type NationalNumberParseResult,
  nationalNumberErrorMessage,
  nationalNumberErrorSchema,
  nationalNumberSchema,
  parseNationalNumber,
} from './national-number.rules.ts';
