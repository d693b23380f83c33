import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useEffect, useState } from 'react';
import { announce } from '../lib/announce';

/**
 * Copies a value. Says so when it worked, and says so when it did not: the clipboard API is missing
 * on plain-HTTP pages other than localhost, and a browser may refuse it.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [result, setResult] = useState<'copied' | 'failed'>();
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(undefined), result === 'copied' ? 1500 : 6000);
    return () => clearTimeout(timer);
  }, [result]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setResult('copied');
      announce('Copied');
    } catch {
      setResult('failed');
      announce('Could not copy: the clipboard is not available here. Select the text and copy it by hand.');
    }
  };
  return (
    <>
      <Tooltip
        title={
          result === 'copied'
            ? 'Copied'
            : result === 'failed'
              ? 'Could not copy: select the text by hand'
              : label
        }
      >
        <IconButton size="small" aria-label={label} onClick={copy}>
          <ContentCopyIcon fontSize="inherit" />
        </IconButton>
      </Tooltip>
      {result === 'failed' && (
        <Box component="span" sx={{ color: 'error.main', fontSize: '0.75rem' }} data-testid="copy-failed">
          Copy failed
        </Box>
      )}
    </>
  );
}
