import { renderToStaticMarkup } from 'react-dom/server';
import { describeRooms } from '../domain/email/email-message.schema';
import { EmailLayout, emailColors } from './email-layout';

export interface MatchedProperty {
  street: string;
  city: string;
  state: string;
  zip: string;
  propertyType: string;
  beds: number | null;
  baths: number | null;
  sqft: number | null;
  askingPrice: number | null;
  mao: number | null;
  /** The `cid:` of the lead's first photo, sent inline with the message; none when it has no photo. */
  photoCid?: string | null;
}

export interface BuyerMatchesEmailInput {
  appUrl: string;
  buyerName: string;
  senderName: string;
  properties: MatchedProperty[];
  /** The public, signed link that stops these e-mails. */
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const money = (amount: number) => `$${amount.toLocaleString('en-US')}`;
const TYPE_LABELS: Record<string, string> = { SFR: 'Single family', MULTI_FAMILY: 'Multi-family', CONDO: 'Condo', TOWNHOUSE: 'Townhouse', LAND: 'Land', MOBILE: 'Mobile home', COMMERCIAL: 'Commercial' };
const typeLabel = (type: string) => TYPE_LABELS[type] ?? type;
/** The asking price when there is one, else the most a buyer should pay (MAO). */
const priceLine = (property: MatchedProperty) =>
  property.askingPrice !== null ? `Asking ${money(property.askingPrice)}` : property.mao !== null ? `MAO ${money(property.mao)}` : 'Price on request';
const factsLine = (property: MatchedProperty) =>
  [typeLabel(property.propertyType), describeRooms(property), property.sqft === null ? null : `${property.sqft.toLocaleString('en-US')} sq ft`].filter(Boolean).join(' · ');

function PropertyCard({ property }: { property: MatchedProperty }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ border: `1px solid ${emailColors.border}`, borderRadius: 8, marginBottom: 12 }}>
      <tbody>
        {property.photoCid && (
          <tr>
            <td style={{ padding: 0 }}>
              <img
                src={`cid:${property.photoCid}`}
                alt={`Photo of ${property.street}`}
                width={552}
                style={{ display: 'block', width: '100%', maxWidth: 552, height: 'auto', border: 0, borderRadius: '8px 8px 0 0' }}
              />
            </td>
          </tr>
        )}
        <tr>
          <td style={{ padding: 16 }}>
            <div style={{ fontSize: 16, fontWeight: 600 }}>{property.street}</div>
            <div style={{ color: emailColors.muted, fontSize: 14 }}>
              {property.city}, {property.state} {property.zip}
            </div>
            <div style={{ fontSize: 14, marginTop: 8 }}>{factsLine(property)}</div>
            <div style={{ fontSize: 15, fontWeight: 600, marginTop: 8, color: emailColors.primary }}>{priceLine(property)}</div>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** "Matching properties" to a buyer: each lead's address, type, beds/baths and price (or MAO), HTML and plain text. */
export function renderBuyerMatchesEmail(input: BuyerMatchesEmailInput): RenderedEmail {
  const count = input.properties.length;
  const subject = `${count} ${count === 1 ? 'property matches' : 'properties match'} your buy box`;
  const intro = `Hi ${input.buyerName}, here ${count === 1 ? 'is a property' : `are ${count} properties`} that fit what you are buying. Reply to this e-mail to ask for details or to make an offer.`;
  const footer = (
    <>
      Sent by {input.senderName} through <a href={input.appUrl} style={{ color: emailColors.muted }}>Flipstackk</a>. You receive these because you are on our buyers list.{' '}
      <a href={input.unsubscribeUrl} style={{ color: emailColors.muted }}>Unsubscribe</a>
    </>
  );
  const html = renderToStaticMarkup(
    <EmailLayout appUrl={input.appUrl} preview={intro} footer={footer}>
      <h1 style={{ fontSize: 20, margin: '0 0 12px' }}>{subject}</h1>
      <p style={{ fontSize: 15, lineHeight: '22px', margin: '0 0 16px' }}>{intro}</p>
      {input.properties.map((property, index) => (
        <PropertyCard key={index} property={property} />
      ))}
      <p style={{ fontSize: 14, lineHeight: '20px', margin: '16px 0 0', color: emailColors.muted }}>— {input.senderName}</p>
    </EmailLayout>,
  );
  const text = [
    subject,
    '',
    intro,
    '',
    ...input.properties.flatMap((property) => [
      `* ${property.street}, ${property.city}, ${property.state} ${property.zip}`,
      `  ${factsLine(property)}`,
      `  ${priceLine(property)}`,
      ...(property.photoCid ? ['  (photo attached)'] : []),
      '',
    ]),
    `— ${input.senderName}`,
    '',
    `Sent through Flipstackk (${input.appUrl}). Unsubscribe: ${input.unsubscribeUrl}`,
  ].join('\n');
  return { subject, html: `<!DOCTYPE html>${html}`, text };
}
