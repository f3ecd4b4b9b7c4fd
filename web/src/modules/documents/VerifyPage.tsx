import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type PrintedSection, parseVerificationCode, type VerificationResponse } from '../../../../shared/src/documents/index.ts';
import { ApiError } from '../../app/api.ts';
import { useCity } from '../../app/city.ts';
import { localized } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { locales } from '../../app/language.rules.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import {
  Alert,
  Button,
  FormField,
  fieldIds,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '../../ui/index.ts';
import { useVerification } from './documents.api.ts';
import { codeErrorKey, compareWithIssued, groupedHash, sha256Hex } from './verify.rules.ts';
import './documents.css';

const codeFieldId = 'verify-code';

/** One printed block, as on the paper: heading, paragraphs, label-value facts and a table. */
const PrintedBlock = ({ section, index }: { section: PrintedSection; index: number }) => {
  const headingId = `printed-${index}`;
  return (
    <div className="gv-stack">
      {section.heading ? (
        <Heading level={4} id={headingId}>
          {section.heading}
        </Heading>
      ) : null}
      {(section.paragraphs ?? []).map((text) => (
        <Paragraph key={text}>{text}</Paragraph>
      ))}
      {section.facts && section.facts.length > 0 ? (
        <dl className="gv-verify-facts">
          {section.facts.map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {section.table && section.table.rows.length > 0 ? (
        <Table label={section.heading ?? section.table.columns.join(', ')}>
          <TableHeader>
            <TableRow>
              {section.table.columns.map((column) => (
                <TableHeaderCell key={column}>{column}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {section.table.rows.map((row) => (
              <TableRow key={row.join('|')}>
                {row.map((cell, cellIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a printed row have no identity besides their column.
                  <TableCell key={cellIndex}>{cell}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
};

/** Picks the PDF the reader holds and compares its SHA-256 with the issued one, on their device. */
const FileCheck = ({ issuedSha256 }: { issuedSha256: string }) => {
  const { t } = useTranslation();
  const inputId = useId();
  const [result, setResult] = useState<{ hash: string; outcome: 'same' | 'different' } | 'error' | null>(null);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) {
      setResult(null);
      return;
    }
    try {
      const hash = await sha256Hex(await file.arrayBuffer());
      setResult({ hash, outcome: compareWithIssued(issuedSha256, hash) });
    } catch {
      setResult('error');
    }
  };

  return (
    <section aria-labelledby="verify-file-title" className="gv-panel gv-stack">
      <Heading level={2} id="verify-file-title">
        {t('documents.verify.fileHeading')}
      </Heading>
      <FormField id={inputId} label={t('documents.verify.fileLabel')} description={t('documents.verify.fileIntro')}>
        <input
          id={inputId}
          type="file"
          accept="application/pdf,.pdf"
          className="gv-verify-file"
          aria-describedby={fieldIds(inputId).description}
          onChange={(event) => void onChange(event)}
        />
      </FormField>
      {/* Announced when the comparison is ready; a mismatch is an alert. */}
      {result === 'error' ? (
        <Alert type="error">
          <Paragraph>{t('documents.verify.fileError')}</Paragraph>
        </Alert>
      ) : result ? (
        <Alert type={result.outcome === 'same' ? 'ok' : 'warning'} heading={t(`documents.verify.file.${result.outcome}`)}>
          <Paragraph>
            {t('documents.verify.fileHash')}: <code className="gv-verify-hash">{groupedHash(result.hash)}</code>
          </Paragraph>
        </Alert>
      ) : null}
    </section>
  );
};

/** The answer for a code: genuine or revoked, the facts about the document and what is printed on it. */
const VerificationResult = ({ result }: { result: VerificationResponse }) => {
  const { t } = useTranslation();
  const { data: city } = useCity();
  const language = currentLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  // The answer replaces the form's place in the reader's attention: focus goes to its heading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again for each code checked.
  useEffect(() => heading.current?.focus(), [result.code]);
  const cityName = city ? localized(city.name, language) : '';
  const moment = (iso: string) =>
    new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeStyle: 'short', timeZone: city?.timeZone ?? 'Europe/Brussels' }).format(new Date(iso));

  return (
    <div className="gv-stack">
      <section aria-labelledby="verify-result-title" className="gv-stack">
        <Heading level={2} id="verify-result-title" ref={heading} tabIndex={-1} className="gv-visually-hidden">
          {t('documents.verify.resultHeading')}
        </Heading>
        {result.genuine ? (
          <Alert type="ok" heading={t('documents.verify.genuine.heading')}>
            <Paragraph>{t('documents.verify.genuine.text', { city: cityName })}</Paragraph>
          </Alert>
        ) : (
          <Alert type="warning" heading={t('documents.verify.revoked.heading')}>
            <Paragraph>{t('documents.verify.revoked.text', { city: cityName, date: result.revokedAt ? moment(result.revokedAt) : '' })}</Paragraph>
          </Alert>
        )}
        <dl className="gv-verify-facts">
          <div>
            <dt>{t('documents.verify.labels.title')}</dt>
            <dd lang={result.language}>{result.title}</dd>
          </div>
          <div>
            <dt>{t('documents.verify.labels.issuedAt')}</dt>
            <dd>{moment(result.issuedAt)}</dd>
          </div>
          <div>
            <dt>{t('documents.verify.labels.issuer')}</dt>
            <dd lang={result.language}>{result.printed.issuer.name}</dd>
          </div>
          {result.printed.reference ? (
            <div>
              <dt>{t('documents.verify.labels.reference')}</dt>
              <dd>{result.printed.reference}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('documents.verify.labels.code')}</dt>
            <dd>
              <code className="gv-verify-code">{result.code}</code>
            </dd>
          </div>
          <div>
            <dt>{t('documents.verify.labels.sha256')}</dt>
            <dd>
              <code className="gv-verify-hash">{groupedHash(result.sha256)}</code>
            </dd>
          </div>
        </dl>
      </section>

      <FileCheck issuedSha256={result.sha256} />

      <section aria-labelledby="verify-printed-title" className="gv-panel gv-stack">
        <Heading level={2} id="verify-printed-title">
          {t('documents.verify.printedHeading')}
        </Heading>
        <Paragraph>{t('documents.verify.printedIntro')}</Paragraph>
        {/* As printed, in the document's language (screen readers switch voice). */}
        <div lang={result.language} className="gv-verify-printed gv-stack">
          <Heading level={3}>{result.title}</Heading>
          {result.printed.sections.map((section, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the printed sections are fixed and in order.
            <PrintedBlock key={index} section={section} index={index} />
          ))}
        </div>
      </section>
    </div>
  );
};

/**
 * `/verify` and `/verify/:code` (public): anyone holding a certificate of the city checks whether
 * it is genuine, by the code printed on it or the QR code that opens this page with the code. The
 * page shows what is printed on the document, never more, and compares a PDF file's SHA-256 in
 * the browser.
 */
export const VerifyPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('documents.verify.title'));
  const navigate = useNavigate();
  const { code: routeCode } = useParams();
  const parsedRoute = routeCode ? parseVerificationCode(routeCode) : null;
  const code = parsedRoute?.ok ? parsedRoute.code : null;
  const verification = useVerification(code);
  const [typed, setTyped] = useState(routeCode ?? '');
  const [typedError, setTypedError] = useState<string | null>(null);

  // A code in the address that cannot be a code (a QR scan cut short, a link typed by hand).
  const routeErrorKey = parsedRoute ? codeErrorKey(parsedRoute) : null;
  const serverFieldError = verification.error instanceof ApiError ? verification.error.fieldError('code') : undefined;
  const error = typedError ?? (routeErrorKey ? t(routeErrorKey) : (serverFieldError ?? null));
  const unknown = verification.error instanceof ApiError && verification.error.code === 'document-code-unknown';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseVerificationCode(typed);
    if (!parsed.ok) {
      const key = codeErrorKey(parsed);
      setTypedError(key ? t(key) : null);
      document.getElementById(codeFieldId)?.focus();
      return;
    }
    setTypedError(null);
    setTyped(parsed.code);
    navigate(`/verify/${parsed.code}`);
  };

  return (
    <div className="gv-stack gv-verify">
      <Heading level={1}>{t('documents.verify.title')}</Heading>
      <Paragraph lead>{t('documents.verify.intro')}</Paragraph>
      <form className="gv-verify-form" noValidate onSubmit={submit} aria-label={t('documents.verify.formLabel')}>
        <FormField id={codeFieldId} label={t('documents.verify.codeLabel')} description={t('documents.verify.codeHint')} error={error ?? undefined}>
          <Textbox
            id={codeFieldId}
            name="code"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            className="gv-verify-code"
            invalid={Boolean(error)}
            describedBy={[fieldIds(codeFieldId).description, error ? fieldIds(codeFieldId).error : undefined]}
          />
        </FormField>
        <div>
          <Button type="submit" appearance="primary-action" disabled={verification.isFetching}>
            {verification.isFetching ? t('documents.verify.busy') : t('documents.verify.submit')}
          </Button>
        </div>
      </form>

      {code && verification.isPending ? <Loading /> : null}
      {unknown ? (
        <Alert type="error" heading={t('documents.verify.unknown.heading')}>
          <Paragraph>{t('documents.verify.unknown.text', { code })}</Paragraph>
        </Alert>
      ) : verification.isError && !serverFieldError ? (
        <QueryAlert error={verification.error} onRetry={() => void verification.refetch()} />
      ) : null}
      {verification.data ? <VerificationResult result={verification.data} /> : null}
    </div>
  );
};
