/**
 * Cases in the web app (issue 5): the one form renderer for product forms (portal, kiosk and the
 * workspace's assisted intake), online requests and general questions with their confirmation,
 * questions and reports at the kiosk (with the follow link as a QR code),
 * "Mijn dossiers" and a question followed by its secret link; in the workspace the team queues,
 * the case page with its actions, assisted intake and the routing tester. Other modules' forms
 * reuse its text area and the Idempotency-Key of one form fill.
 */
export { AssistedIntakePage, AssistedIntakeStartPage } from './AssistedIntakePage.tsx';
export { useRequesterLookup } from './cases.api.ts';
export { FormRenderer, type FormRendererProps } from './FormRenderer.tsx';
export { initialAnswers } from './form-renderer.rules.ts';
export { KioskRequestPage } from './KioskRequestPage.tsx';
export { MyCasePage } from './MyCasePage.tsx';
export { MyCasesPage } from './MyCasesPage.tsx';
export { OnlineRequestAction } from './OnlineRequestAction.tsx';
export { ProductFormPage } from './ProductFormPage.tsx';
export { QuestionFollowPage } from './QuestionFollowPage.tsx';
export { QuestionPage } from './QuestionPage.tsx';
export { RoutingTesterPage } from './RoutingTesterPage.tsx';
export { StaffCasePage } from './StaffCasePage.tsx';
export { TextAreaField } from './TextArea.tsx';
export { useIdempotencyKey } from './use-idempotency-key.ts';
export { WorkQueuePage } from './WorkQueuePage.tsx';
