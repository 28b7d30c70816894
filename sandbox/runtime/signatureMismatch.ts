/**
 * Apps Script's sentence when a method is called with arguments of the wrong types. The parameter
 * list is our rendering of the values' types (wording of the types not confirmed).
 */
export function signatureMismatch(className: string, method: string, args: readonly unknown[]): string {
  return `The parameters (${args.map(typeName).join(",")}) don't match the method signature for ${className}.${method}.`;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return Array.isArray(value[0]) ? "Object[][]" : "Object[]";
  switch (typeof value) {
    case "string":
      return "String";
    case "number":
      return "number";
    case "boolean":
      return "Boolean";
    case "undefined":
      return "undefined";
    default:
      return "Object";
  }
}
