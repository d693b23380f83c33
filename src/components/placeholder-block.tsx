import { styled } from '@mui/material/styles';

/**
 * A grey block that stands where content is loading (what MUI's Skeleton draws, without its
 * animation machinery on the list route). Its container carries aria-busy and the label.
 */
export const PlaceholderBlock = styled('div')<{ height: number }>(({ theme, height }) => ({
  height: height * 0.7,
  margin: `${height * 0.15}px 0`,
  borderRadius: 4,
  background: theme.palette.action.hover,
}));
