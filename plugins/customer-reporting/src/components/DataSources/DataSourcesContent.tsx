import Grid from '@material-ui/core/Grid';
import { Content, ContentHeader } from '@backstage/core-components';
import { DataSourcesCard } from './DataSourcesCard';

/** Body of the data sources tab without the page header. */
export function DataSourcesContent() {
  return (
    <Content>
      <ContentHeader
        title="Data sources"
        description="Where customer data comes from, and whether the last sync worked"
      />
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <DataSourcesCard />
        </Grid>
      </Grid>
    </Content>
  );
}
