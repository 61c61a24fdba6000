import { useState } from 'react';
import Grid from '@material-ui/core/Grid';
import { Content, ContentHeader } from '@backstage/core-components';
import { AlertDeliveriesCard } from './AlertDeliveriesCard';
import { AlertRulesCard } from './AlertRulesCard';

/** Body of the Alerts tab without the page header. */
export function AlertsContent() {
  // A rule changed may change what the log shows next; a subject muted
  // from the log shows on its rule.
  const [logKey, setLogKey] = useState(0);
  const [rulesKey, setRulesKey] = useState(0);
  return (
    <Content>
      <ContentHeader
        title="Alerts"
        description="Rules that notify owners when an instance goes down, an install stalls or a license runs out; and what was sent"
      />
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <AlertRulesCard
            reloadKey={rulesKey}
            onChange={() => setLogKey(k => k + 1)}
          />
        </Grid>
        <Grid item xs={12}>
          <AlertDeliveriesCard
            reloadKey={logKey}
            onMuted={() => setRulesKey(k => k + 1)}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
