import { describe, expect, it } from 'vitest';
import { pageDescribeInstances } from '../../bench/collect/ec2-pages.js';
import { Recording, type WireRequest } from '../../bench/collect/replay.js';

/** moto's DescribeInstances shape: instances carry nested <item> lists of their own. */
function instance(id: string): string {
  return `<item><instanceId>${id}</instanceId><groupSet><item><groupId>sg-1</groupId></item></groupSet><blockDeviceMapping><item><ebs><volumeId>vol-${id}</volumeId></ebs></item></blockDeviceMapping></item>`;
}
function reservation(id: string, instances: string[]): string {
  return `<item><reservationId>${id}</reservationId><groupSet/><instancesSet>${instances.map(instance).join('')}</instancesSet></item>`;
}
const XML = `<?xml version="1.0" encoding="utf-8"?>\n<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15"><reservationSet>${reservation('r-1', ['i-1', 'i-2', 'i-3'])}${reservation('r-2', ['i-4', 'i-5'])}</reservationSet><requestId>request-id</requestId></DescribeInstancesResponse>`;

const ids = (xml: string) => [...xml.matchAll(/<(reservationId|instanceId)>([^<]+)</g)].map((m) => m[2]);
const token = (xml: string) => /<nextToken>([^<]+)<\/nextToken>/.exec(xml)?.[1];

describe('DescribeInstances replayed in pages', () => {
  it('serves MaxResults instances a page, splitting a reservation across pages, with a nextToken while more remain', () => {
    const first = pageDescribeInstances(XML, 2, undefined);
    expect(ids(first)).toEqual(['r-1', 'i-1', 'i-2']);
    const second = pageDescribeInstances(XML, 2, token(first));
    expect(ids(second)).toEqual(['r-1', 'i-3', 'r-2', 'i-4']);
    const third = pageDescribeInstances(XML, 2, token(second));
    expect(ids(third)).toEqual(['r-2', 'i-5']);
    expect(token(third)).toBeUndefined();
    expect(third).toContain('<requestId>request-id</requestId></DescribeInstancesResponse>');
    expect(second.match(/vol-i-3/g)).toHaveLength(1);
  });

  it('answers an empty fleet and rejects a token it did not issue', () => {
    const empty = '<DescribeInstancesResponse><reservationSet/><requestId>x</requestId></DescribeInstancesResponse>';
    expect(pageDescribeInstances(empty, 1000, undefined)).toBe(
      '<DescribeInstancesResponse><reservationSet></reservationSet><requestId>x</requestId></DescribeInstancesResponse>',
    );
    expect(() => pageDescribeInstances(XML, 2, 'abc')).toThrow(/bad NextToken abc/);
  });
});

const ec2 = (body: string): WireRequest => ({ service: 'ec2', region: 'us-east-1', operation: 'DescribeInstances', method: 'POST', url: '/', body });
const json = (service: string, operation: string, body: unknown): WireRequest => ({
  service,
  region: 'us-east-1',
  operation,
  method: 'POST',
  url: '/',
  body: JSON.stringify(body),
});
const query = (id: string, metric: string) => ({
  Id: id,
  ReturnData: true,
  MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: metric }, Period: 3600, Stat: 'Average' },
});
const window = { StartTime: 1, EndTime: 2, ScanBy: 'TimestampAscending' };

describe('Recording', () => {
  it('answers DescribeInstances whole without MaxResults and in pages with it, from one recorded answer', () => {
    const rec = new Recording();
    rec.record(ec2('Action=DescribeInstances&Version=2016-11-15&MaxResults=1000'), 200, { 'content-type': 'text/xml' }, XML);
    expect(rec.answer(ec2('Action=DescribeInstances&Version=2016-11-15'))?.body).toBe(XML);
    const paged = rec.answer(ec2('Action=DescribeInstances&Version=2016-11-15&MaxResults=3'));
    expect(ids(paged?.body ?? '')).toEqual(['r-1', 'i-1', 'i-2', 'i-3']);
    expect(ids(rec.answer(ec2(`Action=DescribeInstances&Version=2016-11-15&MaxResults=3&NextToken=${token(paged?.body ?? '') ?? ''}`))?.body ?? '')).toEqual([
      'r-2',
      'i-4',
      'i-5',
    ]);
    expect(rec.misses).toBe(0);
  });

  it('answers GetMetricData per query, whatever batch a query arrives in', () => {
    const rec = new Recording();
    const recorded = { MetricDataQueries: [query('m0', 'CPUUtilization'), query('m1', 'NetworkIn')], ...window };
    const answer = {
      MetricDataResults: [
        { Id: 'm0', Label: 'cpu', Timestamps: [1], Values: [5], StatusCode: 'Complete' },
        { Id: 'm1', Label: 'in', Timestamps: [1], Values: [7], StatusCode: 'Complete' },
      ],
    };
    rec.record(json('monitoring', 'GetMetricData', recorded), 200, {}, JSON.stringify(answer));
    const replayed = rec.answer(
      json('monitoring', 'GetMetricData', { MetricDataQueries: [query('m0', 'NetworkIn'), query('m1', 'CPUUtilization')], ...window }),
    );
    expect(JSON.parse(replayed?.body ?? '{}')).toEqual({
      MetricDataResults: [
        { Id: 'm0', Label: 'in', Timestamps: [1], Values: [7], StatusCode: 'Complete' },
        { Id: 'm1', Label: 'cpu', Timestamps: [1], Values: [5], StatusCode: 'Complete' },
      ],
      Messages: [],
    });
    // Another window is another query: a miss, counted, never guessed.
    expect(rec.answer(json('monitoring', 'GetMetricData', { MetricDataQueries: [query('m0', 'NetworkIn')], ...window, EndTime: 3 }))).toBeUndefined();
    expect(rec.misses).toBe(1);
  });

  it('keys JSON calls by operation, since their bodies may be alike', () => {
    const rec = new Recording();
    rec.record(json('sagemaker', 'ListEndpoints', {}), 200, { 'content-type': 'application/x-amz-json-1.1', date: 'x' }, '{"Endpoints":[]}');
    expect(rec.answer(json('sagemaker', 'ListEndpoints', {}))).toEqual({
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: '{"Endpoints":[]}',
    });
    expect(rec.answer(json('sagemaker', 'ListNotebookInstances', {}))).toBeUndefined();
    expect(rec.misses).toBe(1);
  });
});
