/**
 * Building the page, with the sidebar's own helpers: text from the spreadsheet, Vitable or the
 * user only ever becomes a text node (or an attribute value), never HTML.
 */
import { h, type Props } from "../../../src/sidebar/dom";

export { fill, h } from "../../../src/sidebar/dom";

export function button(label: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  return h(
    "button",
    { ...props, attrs: { type: "button", ...props.attrs }, on: { ...props.on, click: () => onClick() } },
    label,
  );
}
