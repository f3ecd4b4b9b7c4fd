/**
 * Dynamic forms: form definitions as validated data and the engine that decides which fields are
 * visible and whether answers fit, in the browser and on the server alike.
 */

export {
  addressFieldSchema,
  type ChoiceOption,
  choiceFieldSchema,
  choiceOptionSchema,
  consentFieldSchema,
  dateFieldSchema,
  emailFieldSchema,
  type FieldCondition,
  type FieldType,
  type FormDefinition,
  type FormDefinitionInput,
  type FormField,
  type FormFieldInput,
  fieldConditionSchema,
  fileFieldSchema,
  formDefinitionSchema,
  formFieldSchema,
  type GroupField,
  groupFieldSchema,
  type LeafField,
  type LeafFieldInput,
  leafFieldSchema,
  localize,
  longTextFieldSchema,
  maxUploadBytes,
  missingTranslations,
  multipleChoiceFieldSchema,
  nationalNumberFieldSchema,
  numberFieldSchema,
  type PrefillSource,
  phoneFieldSchema,
  prefillSourceSchema,
  textFieldSchema,
  yesNoFieldSchema,
} from './form-definition.schema.ts';
export {
  type AddressAnswer,
  type AnswerValue,
  answersSchema,
  conditionHolds,
  type FileAnswer,
  type FormAnswers,
  type GroupItemAnswers,
  type LeafAnswer,
  type ValidateOptions,
  type ValidationResult,
  type VisibleField,
  validateAnswers,
  visibleFields,
} from './form-engine.rules.ts';
export { type FormErrorCode, type FormErrorParams, formErrorCodes, formErrorMessage } from './form-messages.ts';
export { normalizePhoneNumber } from './phone-number.rules.ts';
