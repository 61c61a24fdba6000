import { customerReportingApiRef } from './api';
import { customerReportingPlugin } from './plugin';
import alphaPlugin from './alpha';
import { customerReportRouteRef, instanceDetailsRouteRef } from './routes';

describe('customerReportingPlugin', () => {
  it('is the customer-reporting plugin and provides the API client', () => {
    expect(customerReportingPlugin.getId()).toBe('customer-reporting');
    const apiIds = [...customerReportingPlugin.getApis()].map(f => f.api.id);
    expect(apiIds).toEqual([customerReportingApiRef.id]);
  });

  it('exposes the report and instance pages as sub-routes of the root', () => {
    const { root, customerReport, instanceDetails } =
      customerReportingPlugin.routes;
    expect(customerReport).toBe(customerReportRouteRef);
    expect(customerReportRouteRef.parent).toBe(root);
    expect(customerReportRouteRef.path).toBe('/customers/:customerId');
    expect(instanceDetails).toBe(instanceDetailsRouteRef);
    expect(instanceDetailsRouteRef.parent).toBe(root);
    expect(instanceDetailsRouteRef.path).toBe('/instances/:instanceId');
  });
});

describe('alpha plugin', () => {
  it('declares the page and the API extensions', () => {
    expect(alphaPlugin.pluginId).toBe('customer-reporting');
    const page = alphaPlugin.getExtension('page:customer-reporting');
    // Extensions have no public kind field; their description names it.
    expect(String(page)).toContain('kind=page');
    const api = alphaPlugin.getExtension('api:customer-reporting');
    expect(String(api)).toContain('kind=api');
    expect(alphaPlugin.routes.root).toBe(customerReportingPlugin.routes.root);
    expect(alphaPlugin.routes.customerReport).toBe(customerReportRouteRef);
    expect(alphaPlugin.routes.instanceDetails).toBe(instanceDetailsRouteRef);
  });
});
