import { createBrowserRouter } from 'react-router';
import { LifeEventPage, ProductPage, SearchPage } from '../modules/catalog/index.ts';
import { DisplayPage } from './display/DisplayPage.tsx';
import { KioskLayout } from './kiosk/KioskLayout.tsx';
import { KioskLanguagePage, KioskSoonPage, KioskStartPage } from './kiosk/KioskPages.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { AppointmentSoonPage, LoginSoonPage } from './portal/ComingSoonPage.tsx';
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
        { index: true, element: <OverviewPage /> },
        { path: 'mail', element: <MailPage /> },
        { path: '*', element: <NotFoundPage home="/werk" /> },
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
        { path: 'vraag', element: <KioskSoonPage tile="question" /> },
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
        { path: 'aanmelden', element: <LoginSoonPage /> },
        { path: 'zoeken', element: <SearchPage /> },
        { path: 'producten/:slug', element: <ProductPage /> },
        { path: 'levensgebeurtenis/:id', element: <LifeEventPage /> },
        { path: 'afspraak', element: <AppointmentSoonPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
