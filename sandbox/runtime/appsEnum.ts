/**
 * An Apps Script enum value: an object whose `toString()` and `name()` give its name, compared by
 * identity (`response == ui.Button.YES`). The same objects serve every execution.
 */
export interface AppsEnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

const names = new WeakMap<object, string>();

export function appsEnum<Name extends string>(members: readonly Name[]): Readonly<Record<Name, AppsEnumValue>> {
  const values = {} as Record<Name, AppsEnumValue>;
  members.forEach((member, index) => {
    const value: AppsEnumValue = Object.freeze({
      name: () => member,
      ordinal: () => index,
      toString: () => member,
      toJSON: () => member,
    });
    names.set(value, member);
    values[member] = value;
  });
  return Object.freeze(values);
}

/** The member's name when `value` is a value of `enumeration`, else null. */
export function enumMember<Name extends string>(
  enumeration: Readonly<Record<Name, AppsEnumValue>>,
  value: unknown,
): Name | null {
  if (typeof value !== "object" || value === null) return null;
  const name = names.get(value);
  return name !== undefined && name in enumeration && enumeration[name as Name] === value ? (name as Name) : null;
}
