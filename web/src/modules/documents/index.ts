/** Documents in the web app: the public verification page of the city's certificates (`/verify/:code`). */
export { VerifyPage } from './VerifyPage.tsx';
