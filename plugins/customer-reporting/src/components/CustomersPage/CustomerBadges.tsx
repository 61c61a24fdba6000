import { makeStyles, Theme } from '@material-ui/core/styles';
import { CustomerSummary } from '@customer-reporting/plugin-customer-reporting-common';
import { formatLocalDate } from '../format';
import { Tone, ToneChip } from '../shared';

// A static class rather than Box, which writes a style rule for each use.
const useStyles = makeStyles((theme: Theme) => ({
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    marginTop: theme.spacing(0.5),
    gap: 4,
  },
}));

/**
 * Chips for what makes a customer unlike a healthy one: an expired license,
 * one expiring within EXPIRING_SOON_DAYS, an archived customer. Nothing for
 * the others, so the chips stand out.
 */
export function CustomerBadges(props: { row: CustomerSummary }) {
  const { expired, expiringSoon, archived, expiresAt } = props.row;
  const classes = useStyles();
  const date = expiresAt ? formatLocalDate(expiresAt) : undefined;
  const badges: { label: string; tone: Tone; ariaLabel: string }[] = [];
  if (expired) {
    badges.push({
      label: 'Expired',
      tone: 'error',
      ariaLabel: `License expired on ${date}`,
    });
  }
  if (expiringSoon) {
    badges.push({
      label: 'Expires soon',
      tone: 'warning',
      ariaLabel: `License expires on ${date}`,
    });
  }
  if (archived) {
    badges.push({
      label: 'Archived',
      tone: 'neutral',
      ariaLabel: 'Archived customer',
    });
  }
  if (badges.length === 0) return null;
  return (
    <div className={classes.badges}>
      {badges.map(badge => (
        <ToneChip key={badge.label} {...badge} />
      ))}
    </div>
  );
}
