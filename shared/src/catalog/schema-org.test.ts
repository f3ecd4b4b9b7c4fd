import { describe, expect, it } from 'vitest';
import { buildCityProfile } from '../city/city-profile.factory.ts';
import { buildProduct } from './product.factory.ts';
import { schemaOrgScript, toSchemaOrgGovernmentService } from './schema-org.ts';

const city = buildCityProfile({ address: { street: 'Grote Markt', number: '1', postcode: '1000', municipality: 'Voorbeeldstad' } });
const url = 'https://stad.example.be/products/attest-voorbeeld';

const product = buildProduct({
  title: { nl: 'Attest aanvragen', fr: 'Demander une attestation', en: 'Request a certificate' },
  costs: [
    { label: { nl: 'Aan het loket', fr: 'Au guichet', en: 'At the counter' }, amountEur: 5, channel: 'counter', example: false },
    { label: { nl: 'Dringend', fr: 'Urgent', en: 'Urgent' }, amountEur: 12.5, example: false },
  ],
  channels: {
    online: { available: true, automated24x7: true },
    phone: { available: true },
    counter: { available: true, appointment: 'required', conditions: { nl: 'Op afspraak.', fr: 'Sur rendez-vous.', en: 'By appointment.' } },
    kiosk: { available: false },
  },
});

describe('toSchemaOrgGovernmentService', () => {
  it('describes the product as a GovernmentService of the city, in the page language', () => {
    const service = toSchemaOrgGovernmentService(product, city, 'fr', url);
    expect(service).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'GovernmentService',
      url,
      name: 'Demander une attestation',
      inLanguage: 'fr',
      provider: {
        '@type': 'GovernmentOrganization',
        name: 'Ville-Exemple',
        address: { '@type': 'PostalAddress', streetAddress: 'Grote Markt 1', postalCode: '1000', addressLocality: 'Voorbeeldstad', addressCountry: 'BE' },
      },
      areaServed: { '@type': 'City', name: 'Voorbeeldstad' },
    });
    expect(service.description).toContain(product.shortAnswer.fr);
  });

  it('lists only available channels, with url, phone and location where they apply', () => {
    const channels = toSchemaOrgGovernmentService(product, city, 'nl', url).availableChannel;
    expect(channels).toHaveLength(3);
    const [online, phone, counter] = channels;
    expect(online).toMatchObject({ '@type': 'ServiceChannel', serviceUrl: url });
    expect(online?.servicePhone).toBeUndefined();
    expect(phone?.servicePhone).toMatchObject({ '@type': 'ContactPoint', telephone: city.contact.phone });
    expect(phone?.servicePhone?.hoursAvailable?.length).toBeGreaterThan(0);
    expect(counter).toMatchObject({
      description: 'Op afspraak.',
      serviceLocation: { '@type': 'GovernmentOffice', address: { streetAddress: 'Grote Markt 1' } },
    });
    expect(counter?.serviceLocation?.openingHoursSpecification?.[0]).toMatchObject({ dayOfWeek: 'https://schema.org/Monday', opens: '08:30', closes: '12:00' });
  });

  it('turns costs into offers in euro, and leaves offers out for a free product', () => {
    expect(toSchemaOrgGovernmentService(product, city, 'en', url).offers).toEqual([
      { '@type': 'Offer', name: 'At the counter', price: '5.00', priceCurrency: 'EUR' },
      { '@type': 'Offer', name: 'Urgent', price: '12.50', priceCurrency: 'EUR' },
    ]);
    expect(toSchemaOrgGovernmentService(buildProduct(), city, 'en', url)).not.toHaveProperty('offers');
  });

  it('falls back to Dutch for a city text missing in the page language', () => {
    const dutchOnly = buildCityProfile({ languages: ['nl'], name: { nl: 'Voorbeeldstad' } });
    expect(toSchemaOrgGovernmentService(product, dutchOnly, 'en', url).provider.name).toBe('Voorbeeldstad');
  });
});

describe('schemaOrgScript', () => {
  it('cannot close the script element it is embedded in', () => {
    const hostile = buildProduct({ title: { nl: '</script><script>alert(1)</script>', fr: 'x', en: 'x' } });
    const script = schemaOrgScript(toSchemaOrgGovernmentService(hostile, city, 'nl', url));
    expect(script).not.toContain('</script>');
    expect(JSON.parse(script).name).toBe('</script><script>alert(1)</script>');
  });
});
