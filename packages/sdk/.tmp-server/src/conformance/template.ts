export type Variables = ReadonlyMap<string, string>;

export interface Substitution {
  text: string;
  /** Names used in the template that no variable defines; left in the text as written. */
  missing: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w$.-]*)\s*\}\}/g;

/** Replaces each `{{name}}` with the variable's value, as Runscope (and Postman) do. */
export function substitute(template: string, variables: Variables): Substitution {
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = variables.get(name);
    if (value !== undefined) return value;
    if (!missing.includes(name)) missing.push(name);
    return placeholder;
  });
  return { text, missing };
}
