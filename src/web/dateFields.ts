/**
 * How every date field of the app (antd's DatePicker and RangePicker, over 30 of them) answers the
 * keyboard, installed once for the document rather than on each field (issue 19 item 7):
 *
 * - Focusing a date field selects its text, so typing a new date replaces the old one. Without it
 *   the typed digits went in beside the old date, the text was no date, and the picker silently put
 *   the old value back when the field was left.
 * - Enter in a date field takes the typed date and moves on to the next field of the form; it never
 *   submits the form. The browser's implicit submission saved a congress plan the moment its date
 *   was confirmed, before the venue and the contact were filled. The form is submitted with its
 *   button, or Enter in any other field.
 *
 * The picker's own Enter handling (taking the typed date, closing the panel) runs as before:
 * preventing the key's default action only stops the form's implicit submission (and the picker
 * re-opening its panel on Enter).
 */

const FOCUSABLE = "input, textarea, select, button, [tabindex]:not([tabindex='-1'])";

function pickerInput(target: EventTarget | null): HTMLInputElement | null {
  return target instanceof HTMLInputElement && target.closest(".ant-picker") ? target : null;
}

/** The first field of the form after the picker holding `input`, in document order. */
function nextField(input: HTMLInputElement): HTMLElement | null {
  const form = input.form;
  const picker = input.closest(".ant-picker");
  if (!form || !picker) return null;
  for (const el of form.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (picker.contains(el)) continue;
    if (!(picker.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if ((el as HTMLInputElement).disabled || el.getAttribute("type") === "hidden") continue;
    if (el.offsetParent === null) continue; // not displayed
    return el;
  }
  return null;
}

export function installDateFieldKeys(doc: Document): void {
  // A click focuses on mousedown and places the caret on mouseup: keep the selection made on focus.
  let selectedOnFocus: HTMLInputElement | null = null;
  doc.addEventListener(
    "focusin",
    (e) => {
      const input = pickerInput(e.target);
      if (!input) return;
      input.select();
      selectedOnFocus = input;
    },
    true,
  );
  doc.addEventListener(
    "mouseup",
    (e) => {
      const input = pickerInput(e.target);
      if (input && input === selectedOnFocus) {
        e.preventDefault();
        input.select();
      }
      selectedOnFocus = null;
    },
    true,
  );
  doc.addEventListener(
    "keydown",
    (e) => {
      selectedOnFocus = null;
      const input = pickerInput(e.target);
      if (!input || e.key !== "Enter" || e.isComposing || !input.form) return;
      e.preventDefault();
      // After the picker has taken the date: it moves from a range's start to its end by itself;
      // from the last input of the picker, go on to the next field.
      setTimeout(() => {
        if (doc.activeElement !== input) return;
        nextField(input)?.focus();
      }, 0);
    },
    true,
  );
}
