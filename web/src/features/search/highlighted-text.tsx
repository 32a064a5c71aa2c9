import type { SearchItem } from './search.api';

/** The matched words in <mark>; text only, never HTML from the server. */
export function HighlightedText({ parts }: { parts: SearchItem['highlight']['parts'] }) {
  return (
    <>
      {parts.map((part, index) => (part.mark ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
