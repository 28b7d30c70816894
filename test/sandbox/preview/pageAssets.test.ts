import { withGoogleScript } from "../../../sandbox/preview/pageAssets";

const SHIM = '<script src="/google-script.js"></script>';

describe("withGoogleScript", () => {
  it("loads google.script.run at the start of the head, before any script of the page", () => {
    expect(
      withGoogleScript(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><script>x()</script></body></html>',
      ),
    ).toBe(
      `<!DOCTYPE html><html lang="en"><head>${SHIM}<meta charset="utf-8"></head><body><script>x()</script></body></html>`,
    );
  });

  it("finds a place in a page without a head, or without any markup", () => {
    expect(withGoogleScript("<html><body>hi</body></html>")).toBe(`<html>${SHIM}<body>hi</body></html>`);
    expect(withGoogleScript("<!doctype html><p>hi</p>")).toBe(`<!doctype html>${SHIM}<p>hi</p>`);
    expect(withGoogleScript("<p>hi</p>")).toBe(`${SHIM}<p>hi</p>`);
  });
});
