import type { AlertProps } from '@mui/material/Alert';
import type { ComponentType } from 'react';
import { onDemandPart } from '../lib/lazy-component';

/**
 * MUI's Alert, loaded when one is first shown: on the list route alerts appear only after
 * something happened (a failure, a dismissed selection, a flash after an action), so the page's
 * first JavaScript does not carry it (issue 19). Same props as MUI's.
 */
export const Alert = onDemandPart(() =>
  import('@mui/material/Alert').then((m) => m.default as ComponentType<AlertProps>),
);
