/** Documents the city issues: the verification code printed on them and the documents API. */

export {
  type CertificateKind,
  certificateKindSchema,
  documentParamsSchema,
  type PrintedFacts,
  type PrintedSection,
  printedFactsSchema,
  printedSectionSchema,
  type VerificationResponse,
  verificationResponseSchema,
  verifyParamsSchema,
} from './documents.contract.ts';
export {
  generateVerificationCode,
  isVerificationCode,
  parseVerificationCode,
  type VerificationCodeError,
  type VerificationCodeParseResult,
  verificationCheckCharacter,
} from './verification-code.rules.ts';
