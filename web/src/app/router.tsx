import { createBrowserRouter } from 'react-router';
import { AgendaPage, BookAppointmentPage, BookForPage, MyAppointmentsPage } from '../modules/appointments/index.ts';
import {
  AssistedIntakePage,
  AssistedIntakeStartPage,
  KioskRequestPage,
  MyCasePage,
  MyCasesPage,
  ProductFormPage,
  QuestionFollowPage,
  QuestionPage,
  RoutingTesterPage,
  StaffCasePage,
  WorkQueuePage,
} from '../modules/cases/index.ts';
import { CatalogEditorListPage, LifeEventPage, ProductEditorPage, ProductPage, SearchPage } from '../modules/catalog/index.ts';
import { VerifyPage } from '../modules/documents/index.ts';
import {
  AuditPage,
  EmailLoginPage,
  LoginPage,
  MyDataPage,
  PersonLookupPage,
  RequireTool,
  ResidentOnly,
  StaffDirectoryPage,
  StaffLoginPage,
  StaffOnly,
} from '../modules/identity/index.ts';
import { DisplayPage } from './display/DisplayPage.tsx';
import { KioskLayout } from './kiosk/KioskLayout.tsx';
import { KioskLanguagePage, KioskSoonPage, KioskStartPage } from './kiosk/KioskPages.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { HomePage } from './portal/HomePage.tsx';
import { PortalLayout } from './portal/PortalLayout.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';
import { MailPage } from './staff/MailPage.tsx';
import { OverviewPage } from './staff/OverviewPage.tsx';
import { StaffLayout } from './staff/StaffLayout.tsx';

/**
 * The four surfaces (GUIDE §2), each a route group with its own layout: resident portal `/`,
 * staff workspace `/werk`, kiosk `/kiosk`, waiting-room display `/scherm`. Unknown addresses get
 * the not-found page inside the surface they belong to. Dutch paths: residents read and share them.
 */
export const createRouter = () =>
  createBrowserRouter([
    {
      path: '/werk',
      element: <StaffLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { path: 'aanmelden', element: <StaffLoginPage /> },
        // The demo outbox stays open to visitors: it exists only in demo mode, with synthetic residents.
        { path: 'mail', element: <MailPage /> },
        {
          // Everything else needs a login with workspace:use; a visitor is sent to /werk/aanmelden.
          element: <StaffOnly />,
          children: [
            { index: true, element: <OverviewPage /> },
            { path: 'teams/:team', element: <WorkQueuePage /> },
            { path: 'dossiers/:id', element: <StaffCasePage /> },
            {
              path: 'afspraken',
              element: (
                <RequireTool tool="appointments">
                  <AgendaPage />
                </RequireTool>
              ),
            },
            {
              path: 'afspraken/nieuw',
              element: (
                <RequireTool tool="appointments">
                  <BookForPage />
                </RequireTool>
              ),
            },
            {
              path: 'aanvragen',
              element: (
                <RequireTool tool="intake">
                  <AssistedIntakeStartPage />
                </RequireTool>
              ),
            },
            {
              path: 'aanvragen/:slug',
              element: (
                <RequireTool tool="intake">
                  <AssistedIntakePage />
                </RequireTool>
              ),
            },
            {
              path: 'routering',
              element: (
                <RequireTool tool="routing">
                  <RoutingTesterPage />
                </RequireTool>
              ),
            },
            {
              path: 'personen',
              element: (
                <RequireTool tool="persons">
                  <PersonLookupPage />
                </RequireTool>
              ),
            },
            {
              path: 'medewerkers',
              element: (
                <RequireTool tool="staff">
                  <StaffDirectoryPage />
                </RequireTool>
              ),
            },
            {
              path: 'audit',
              element: (
                <RequireTool tool="audit">
                  <AuditPage />
                </RequireTool>
              ),
            },
            {
              path: 'catalogus',
              element: (
                <RequireTool tool="catalog">
                  <CatalogEditorListPage />
                </RequireTool>
              ),
            },
            {
              path: 'catalogus/:slug',
              element: (
                <RequireTool tool="catalog">
                  <ProductEditorPage />
                </RequireTool>
              ),
            },
            { path: '*', element: <NotFoundPage home="/werk" /> },
          ],
        },
      ],
    },
    {
      path: '/kiosk',
      element: <KioskLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <KioskStartPage /> },
        { path: 'taal', element: <KioskLanguagePage /> },
        { path: 'attest', element: <KioskSoonPage tile="certificate" /> },
        { path: 'afspraak', element: <KioskSoonPage tile="appointment" /> },
        // What needs no login, with the portal's form definitions and renderer (channel kiosk).
        { path: 'vraag', element: <KioskRequestPage key="vraag" product="vraag" kind="question" /> },
        { path: 'melding', element: <KioskRequestPage key="melding" product="melding-openbaar-domein" kind="report" /> },
        { path: '*', element: <NotFoundPage home="/kiosk" /> },
      ],
    },
    { path: '/scherm', element: <DisplayPage />, errorElement: <RouteErrorPage /> },
    {
      path: '/',
      element: <PortalLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'aanmelden', element: <LoginPage /> },
        { path: 'aanmelden/e-mail', element: <EmailLoginPage /> },
        {
          element: <ResidentOnly />,
          children: [
            { path: 'mijn-gegevens', element: <MyDataPage /> },
            { path: 'mijn-dossiers', element: <MyCasesPage /> },
            { path: 'mijn-dossiers/:ref', element: <MyCasePage /> },
            { path: 'mijn-afspraken', element: <MyAppointmentsPage /> },
          ],
        },
        { path: 'zoeken', element: <SearchPage /> },
        { path: 'producten/:slug', element: <ProductPage /> },
        { path: 'aanvragen/:slug', element: <ProductFormPage /> },
        { path: 'vraag', element: <QuestionPage /> },
        // A question followed by its secret link (the confirmation and the e-mail give it; cases module: followUrlOf).
        { path: 'vragen/:token', element: <QuestionFollowPage /> },
        { path: 'levensgebeurtenis/:id', element: <LifeEventPage /> },
        // Anyone sees the free times; confirming asks for a login that comes back to the same choice.
        { path: 'afspraak', element: <BookAppointmentPage /> },
        // The address printed on every certificate and in its QR code (platform/documents: verificationUrl).
        { path: 'verify', element: <VerifyPage /> },
        { path: 'verify/:code', element: <VerifyPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
