import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', record: 'an object', array: 'a list', date: 'a date' };

/**
 * zod's own wording ("Invalid input: expected number, received undefined") is for developers;
 * a missing or mistyped field reads as the forms and the API say it: "is required", "must be a
 * number". A schema's own message still wins. Every schema imports this through fields.ts.
 */
z.config({
  customError: (issue) => {
    if (issue.code !== 'invalid_type') return undefined;
    return issue.input === undefined ? 'is required' : `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  },
});
