import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseChannels } from '../../../../shared/src/cases/index.ts';
import { useCity } from '../../app/city.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Button, FormField, fieldIds, Heading, Paragraph, Select } from '../../ui/index.ts';
import { useRoutingTest } from './cases.api.ts';
import { ProductSelect } from './ProductSelect.tsx';

type Question = { product: string; subMunicipality: string; channel: string };

/** The answer of the tester: the team, and which rule (or fallback) decided it. */
const Answer = ({ question }: { question: Question }) => {
  const { t } = useTranslation();
  const result = useRoutingTest(question);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus each new answer once it is there.
  useEffect(() => {
    if (result.data) heading.current?.focus();
  }, [result.data]);
  if (result.isPending) return <Loading />;
  if (result.isError) return <QueryAlert error={result.error} />;
  const answer = result.data;
  return (
    <section aria-labelledby="routing-answer" className="gv-panel gv-stack">
      <Heading level={2} id="routing-answer" ref={heading} tabIndex={-1}>
        {t('cases.work.routing.goesTo', { team: answer.team.name })}
      </Heading>
      <dl className="gv-meta gv-meta--stacked">
        <div>
          <dt>{t('cases.work.routing.why')}</dt>
          <dd>
            {answer.source === 'rule' && answer.rule
              ? t('cases.work.routing.byRule', { rule: answer.rule.id })
              : t(`cases.work.routing.source.${answer.source === 'rule' ? 'default' : answer.source}`)}
            {answer.rule?.note ? <span className="gv-routing-note">{answer.rule.note}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('cases.work.routing.family')}</dt>
          <dd>{t(`cases.family.${answer.family}`)}</dd>
        </div>
        <div>
          <dt>{t('cases.work.routing.norm')}</dt>
          <dd>{t('cases.work.routing.normDays', { count: answer.serviceNormDays })}</dd>
        </div>
        <div>
          <dt>{t('cases.work.routing.login')}</dt>
          <dd>{t(answer.requiredPermission === 'requests:create' ? 'cases.work.routing.loginStrong' : 'cases.work.routing.loginBasic')}</dd>
        </div>
      </dl>
    </section>
  );
};

/**
 * `/werk/routering`: "where would this go?" Choose a product, a sub-municipality and a channel;
 * the answer is the team a new case would get from the routing rules (config/routing), and why.
 */
export const RoutingTesterPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('cases.work.routing.title'));
  const { data: city } = useCity();
  const [question, setQuestion] = useState<Question | null>(null);
  const [error, setError] = useState<string | undefined>();
  const ids = { product: 'routing-product', place: 'routing-place', channel: 'routing-channel' };
  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const product = String(data.get('product') ?? '');
    if (!product) {
      setError(t('cases.work.routing.productRequired'));
      document.getElementById(ids.product)?.focus();
      return;
    }
    setError(undefined);
    setQuestion({ product, subMunicipality: String(data.get('subMunicipality') ?? ''), channel: String(data.get('channel') ?? 'online') });
  };
  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{t('cases.work.routing.title')}</Heading>
        <Paragraph lead>{t('cases.work.routing.intro')}</Paragraph>
      </div>
      <form className="gv-form" noValidate onSubmit={ask}>
        <ProductSelect id={ids.product} label={t('cases.work.routing.product')} error={error} />
        <FormField id={ids.place} label={t('cases.work.routing.place')} description={t('cases.work.routing.placeHint')}>
          <Select id={ids.place} name="subMunicipality" describedBy={[fieldIds(ids.place).description]}>
            <option value="">{t('cases.work.routing.anyPlace')}</option>
            {(city?.subMunicipalities ?? []).map((place) => (
              <option key={place.name} value={place.name}>
                {place.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id={ids.channel} label={t('cases.work.routing.channel')}>
          <Select id={ids.channel} name="channel" defaultValue="online">
            {caseChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`cases.channel.${channel}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <div>
          <Button type="submit" appearance="primary-action">
            {t('cases.work.routing.submit')}
          </Button>
        </div>
      </form>
      {question ? <Answer question={question} /> : null}
    </div>
  );
};
