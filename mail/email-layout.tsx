import type { ReactNode } from 'react';

// The product's look in mail clients: inline styles and tables only (no stylesheet, no CSS variables).
const COLORS = { ink: '#131821', muted: '#6b7584', border: '#e2e7ee', page: '#f5f7fa', brand: '#0e1527', primary: '#4f63f0' };
const FONT = "'Inter', 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";

export const emailColors = COLORS;

/** The frame of every e-mail: the brand bar linking to the app, the content card, and the footer. */
export function EmailLayout(props: { appUrl: string; preview: string; children: ReactNode; footer: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta httpEquiv="Content-Type" content="text/html; charset=UTF-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body style={{ margin: 0, padding: 0, background: COLORS.page, fontFamily: FONT, color: COLORS.ink }}>
        <div style={{ display: 'none', maxHeight: 0, overflow: 'hidden' }}>{props.preview}</div>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ background: COLORS.page }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: '24px 12px' }}>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ maxWidth: 600 }}>
                  <tbody>
                    <tr>
                      <td style={{ background: COLORS.brand, borderRadius: '12px 12px 0 0', padding: '16px 24px' }}>
                        <a href={props.appUrl} style={{ color: '#ffffff', fontSize: 18, fontWeight: 700, textDecoration: 'none', letterSpacing: 0.2 }}>
                          Flipstackk
                        </a>
                      </td>
                    </tr>
                    <tr>
                      <td style={{ background: '#ffffff', border: `1px solid ${COLORS.border}`, borderTop: 'none', borderRadius: '0 0 12px 12px', padding: 24 }}>{props.children}</td>
                    </tr>
                    <tr>
                      <td style={{ padding: '16px 24px', color: COLORS.muted, fontSize: 12, lineHeight: '18px' }}>{props.footer}</td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}
