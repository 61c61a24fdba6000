import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { instanceDetailsRouteRef } from '../../routes';

/** Link to an instance's details page, labelled with its name or short id. */
export function InstanceLink(props: { instanceId: string; label: string }) {
  const instanceLink = useRouteRef(instanceDetailsRouteRef);
  return (
    <Link to={instanceLink({ instanceId: props.instanceId })}>
      {props.label}
    </Link>
  );
}

/** How an instance is named in the UI: its name, else its short id. */
export function instanceLabel(instance: {
  name: string | null;
  shortId: string;
}): string {
  return instance.name || instance.shortId;
}
