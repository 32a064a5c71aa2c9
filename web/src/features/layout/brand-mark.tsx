import { useId } from 'react';

/** The Flipstackk logo: a stack of three deals. */
export function BrandMark() {
  // One gradient id per mark: a shared id would point every mark at the first one, which draws
  // nothing while it is hidden (the login's pitch panel on a phone, the sidebar drawer).
  const gradient = `brand-gradient-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
      <rect width="32" height="32" rx="9" fill={`url(#${gradient})`} />
      <path d="M8 20.5 16 24l8-3.5M8 16l8 3.5 8-3.5M16 8l8 3.5-8 3.5-8-3.5z" fill="none" stroke="#fff" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="32" y2="32" gradientUnits="userSpaceOnUse">
          <stop stopColor="#6366f1" />
          <stop offset="1" stopColor="#2563eb" />
        </linearGradient>
      </defs>
    </svg>
  );
}
