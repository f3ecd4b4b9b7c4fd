/** Documents the city issues: the verification code printed on them. */

export {
  generateVerificationCode,
  isVerificationCode,
  parseVerificationCode,
  type VerificationCodeError,
  type VerificationCodeParseResult,
  verificationCheckCharacter,
} from './verification-code.rules.ts';
