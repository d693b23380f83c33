import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { useEffect, useRef, useState } from 'react';
import { useFormState, type FieldErrors } from 'react-hook-form';
import { fieldDomId, fieldLabel } from './field-names';

/**
 * The list of problems at the top of a form after a refused submit (the GOV.UK pattern): each
 * problem a link that takes the keyboard to its field. A long form puts the first bad field far
 * from the submit button (2,400 px on a laptop, 3,500 on a phone), so a message beside the button
 * alone leaves people hunting.
 */

export interface SummaryItem {
  path: string;
  message: string;
}

/** react-hook-form's nested errors as (path, message) pairs; `ref` holds DOM nodes, not errors. */
export function flattenErrors(errors: FieldErrors, prefix = ''): SummaryItem[] {
  const out: SummaryItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message) out.push({ path, message });
    else out.push(...flattenErrors(value as FieldErrors, path));
  }
  return out;
}

/** Focuses the field a problem is about: its input, or the first control inside its group. */
export function focusField(path: string): boolean {
  const element = document.getElementById(fieldDomId(path));
  if (!element) return false;
  const target = element.matches('input, textarea, select, button, [tabindex]')
    ? element
    : element.querySelector<HTMLElement>('input:checked, input, textarea, button, [tabindex]');
  if (!target) return false;
  // Centre it: focus alone would scroll it just under the sticky header.
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  return true;
}

/** Problems in the order their fields appear on the page; unplaced ones (`root`) last. */
function inPageOrder(items: SummaryItem[]): SummaryItem[] {
  const position = (item: SummaryItem) => document.getElementById(fieldDomId(item.path));
  return [...items].sort((a, b) => {
    const ea = position(a);
    const eb = position(b);
    if (!ea || !eb) return ea ? -1 : eb ? 1 : 0;
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

export function ErrorSummary({ ownLabels }: { ownLabels: Record<string, string> }) {
  const { errors, isSubmitting, submitCount } = useFormState();
  const items = inPageOrder(flattenErrors(errors));
  const summaryRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const wasSubmitting = useRef(false);
  const count = items.length;

  // After each refused submit (by the form's rules or by the server's answer), take the keyboard
  // to the summary and say how many problems there are, once per submit.
  useEffect(() => {
    const finished = wasSubmitting.current && !isSubmitting;
    wasSubmitting.current = isSubmitting;
    if (!finished || count === 0) return;
    summaryRef.current?.scrollIntoView({ block: 'start' });
    summaryRef.current?.focus({ preventScroll: true });
    setAnnouncement(
      `${count === 1 ? 'There is 1 problem' : `There are ${count} problems`}; nothing was sent.`,
    );
  }, [isSubmitting, count, submitCount]);

  return (
    <>
      <Box
        role="status"
        // Visually hidden (in sx a bare 1 would mean 100%).
        sx={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' }}
      >
        {announcement}
      </Box>
      {submitCount > 0 && count > 0 && (
        <Alert
          ref={summaryRef}
          severity="error"
          tabIndex={-1}
          data-testid="error-summary"
          aria-labelledby="error-summary-title"
          role="group"
          // Below the sticky header when scrolled to.
          sx={{ scrollMarginTop: 96, '&:focus': { outline: 2, outlineOffset: 2 } }}
        >
          <AlertTitle id="error-summary-title" component="h2">
            {count === 1 ? 'There is a problem' : `There are ${count} problems`}; nothing was sent
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {items.map((item) => (
              <li key={item.path}>
                <Link
                  href={`#${fieldDomId(item.path)}`}
                  color="inherit"
                  onClick={(event) => {
                    if (focusField(item.path)) event.preventDefault();
                  }}
                >
                  {fieldLabel(item.path, ownLabels)}: {item.message}
                </Link>
              </li>
            ))}
          </Box>
        </Alert>
      )}
    </>
  );
}
