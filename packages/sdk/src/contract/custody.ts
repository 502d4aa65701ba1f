// A person in custody, as a victim needs to see it: who, where, what changed and how fresh the data is.
import * as z from 'zod/v4/mini';
import { Id, Name, wholeNumber, PageQuery, PhoneNumber, StateCode, Text, Timestamp, pageOf } from './common.js';

export const CustodyStatus = z.enum([
  'in-custody',
  'released',
  'transferred',
  'escaped',
  'deceased',
  'supervised',
  'unknown',
]);

export const IdentifierType = z.enum(['a-number', 'booking', 'case', 'other']);
export const Identifier = z.object({ type: IdentifierType, value: z.string().check(z.minLength(1, 'Must not be empty.'), z.maxLength(64, 'Use at most 64 characters.')) });

const thisYear = () => new Date().getUTCFullYear();
export const BirthYear = z.number().check(
  wholeNumber(),
  z.gte(1900, 'Use a birth year from 1900 on.'),
  z.refine((y) => y <= thisYear(), 'Birth year cannot be in the future.'),
);

/**
 * A custody record. It carries an age or a birth year, never a full date of birth: unknown fields such as
 * `dateOfBirth` are stripped when a response is parsed.
 */
export const CustodyRecord = z.object({
  id: Id,
  displayName: Name,
  age: z.optional(z.number().check(z.int(), z.gte(0), z.lte(130))),
  birthYear: z.optional(BirthYear),
  identifiers: z.array(Identifier),
  status: CustodyStatus,
  statusReason: z.optional(Text(500)),
  facility: z.optional(
    z.object({
      name: Name,
      address: z.optional(Text(300)),
      city: z.optional(Text(120)),
      state: z.optional(StateCode),
      phone: z.optional(PhoneNumber),
    }),
  ),
  statusChangedAt: z.optional(Timestamp),
  sourceUpdatedAt: Timestamp,
});

export const CustodySearchQuery = z
  .object({
    name: z.optional(z.string().check(z.trim(), z.minLength(2, 'Enter at least 2 letters of the name.'), z.maxLength(100))),
    identifier: z.optional(z.string().check(z.trim(), z.minLength(1, 'Enter an ID number.'), z.maxLength(64, 'Use at most 64 characters.'))),
    identifierType: z.optional(IdentifierType),
    birthYear: z.optional(z.coerce.number<number>().check(wholeNumber(), z.gte(1900, 'Use a birth year from 1900 on.'), z.lte(2100, 'Use a four-digit birth year.'))),
    state: z.optional(StateCode),
    ...PageQuery,
  })
  .check(
    z.refine((q) => q.name !== undefined || q.identifier !== undefined, {
      message: 'Enter a name or an ID number.',
      path: ['name'],
    }),
  );

export const CustodyPage = pageOf(CustodyRecord);

export type CustodyStatus = z.infer<typeof CustodyStatus>;
export type IdentifierType = z.infer<typeof IdentifierType>;
export type Identifier = z.infer<typeof Identifier>;
export type CustodyRecord = z.infer<typeof CustodyRecord>;
export type CustodySearchQuery = z.input<typeof CustodySearchQuery>;
export type CustodyPage = z.infer<typeof CustodyPage>;
