// The attribute model of RFC 7643 section 7, as served by /Schemas.

export type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'binary' | 'reference' | 'complex';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDefinition[];
}

type Options = Partial<Omit<AttributeDefinition, 'name' | 'type' | 'description'>>;

function attribute(name: string, type: AttributeType, description: string, options: Options = {}): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

export const string = (name: string, description: string, options?: Options) => attribute(name, 'string', description, options);
export const boolean = (name: string, description: string, options?: Options) => attribute(name, 'boolean', description, options);
export const dateTime = (name: string, description: string, options?: Options) => attribute(name, 'dateTime', description, options);
export const reference = (name: string, referenceTypes: string[], description: string, options?: Options) =>
  attribute(name, 'reference', description, { referenceTypes, ...options });
export const complex = (name: string, description: string, subAttributes: AttributeDefinition[], options?: Options) =>
  attribute(name, 'complex', description, { subAttributes, ...options });

/** A multi-valued attribute of the usual `value`/`display`/`type`/`primary` shape (RFC 7643 section 2.4). */
export function multiValued(name: string, description: string, types: string[] | undefined, valueOptions: Options = {}): AttributeDefinition {
  return complex(
    name,
    description,
    [
      string('value', `The ${name} value.`, valueOptions),
      string('display', 'A human-readable name, primarily used for display purposes.'),
      string('type', `A label indicating the ${name} function.`, types ? { canonicalValues: types } : {}),
      boolean('primary', 'Whether this value is the primary or preferred one.'),
    ],
    { multiValued: true },
  );
}
