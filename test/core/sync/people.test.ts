import { describePerson, listInSentence } from "../../../src/core/sync/people";

describe("describePerson", () => {
  it.each([
    [{ referenceId: "EMP-1", name: "Jane Doe" }, "Jane Doe (EMP-1)"],
    [{ referenceId: "EMP-9", name: "" }, "EMP-9"],
  ])("names %j as %j", (person, text) => {
    expect(describePerson(person)).toBe(text);
  });
});

describe("listInSentence", () => {
  const same = (item: string) => item;
  it.each<[string[], number, string]>([
    [[], 5, ""],
    [["a"], 5, "a"],
    [["a", "b"], 5, "a and b"],
    [["a", "b", "c"], 5, "a, b and c"],
    [["a", "b", "c"], 3, "a, b and c"],
    [["a", "b", "c", "d"], 3, "a, b, c and 1 more"],
    [["a", "b", "c", "d", "e", "f"], 2, "a, b and 4 more"],
  ])("lists %j with a limit of %i as %j", (items, limit, text) => {
    expect(listInSentence(items, same, limit)).toBe(text);
  });

  it("describes only the items it shows", () => {
    const described: number[] = [];
    listInSentence(
      Array.from({ length: 50_000 }, (_, i) => i),
      (i) => {
        described.push(i);
        return String(i);
      },
    );
    expect(described).toEqual([0, 1, 2, 3, 4]);
  });
});
