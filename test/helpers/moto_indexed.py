"""moto_server with an indexed CloudWatch store, for tests with hourly metrics and the collect benchmark.

Stock moto answers GetMetricData by scanning every stored datapoint for every period of every
query (queries x periods x datapoints) and ListMetrics with a quadratic de-duplication, so a
5,000-instance fleet takes hours inside the emulator. Real CloudWatch looks a series up by its
identity. This keeps moto's wire handling and responses and replaces only those three lookups
with a dictionary keyed by (namespace, metric, dimensions), so the benchmark measures the
collector and the network, not the emulator. Integration tests use stock moto_server.

MOTO_CLOCK_LAG_DAYS=N sets moto's clock N days behind the real one, so resources created now are
N days old to a CLI that reads the real clock (the fleet test's volumes, snapshots and notebooks
must be old). It is applied before moto loads its services, which bind utcnow at import.

Usage: python moto_indexed.py PORT
"""
import os
import sys
from collections import defaultdict
from datetime import timedelta

import moto.core.utils as _moto_utils

_LAG = timedelta(days=float(os.environ.get("MOTO_CLOCK_LAG_DAYS", "0")))
if _LAG:
    _real_utcnow = _moto_utils.utcnow
    _moto_utils.utcnow = lambda: _real_utcnow() - _LAG

from moto.cloudwatch import models  # noqa: E402
from moto.cloudwatch.models import Statistics  # noqa: E402
from moto.server import main  # noqa: E402

Backend = models.CloudWatchBackend


def _key(namespace, name, dims):
    return (namespace, name, tuple(sorted((d["Name"], d["Value"]) if isinstance(d, dict) else (d.name, d.value) for d in dims)))


def _index(self):
    data = self.metric_data
    cached = getattr(self, "_bench_index", None)
    if cached is None or cached[0] != len(data):
        index = defaultdict(list)
        for md in data:
            index[_key(md.namespace, md.name, md.dimensions)].append(md)
        cached = (len(data), index)
        self._bench_index = cached
    return cached[1]


def _bucketed(series, start, end, period):
    buckets = defaultdict(list)
    for md in series:
        if start <= md.timestamp < end:
            buckets[int((md.timestamp - start).total_seconds() // period)].append(md)
    return buckets


def get_metric_data(self, queries, start_time, end_time, scan_by="TimestampAscending"):
    start, end = start_time.replace(microsecond=0), end_time.replace(microsecond=0)
    index = _index(self)
    results = []
    for q in queries:
        ms = q["MetricStat"]
        metric = ms["Metric"]
        period = int(ms["Period"])
        series = index.get(_key(metric["Namespace"], metric["MetricName"], metric.get("Dimensions", [])), [])
        timestamps, values = [], []
        for slot, items in sorted(_bucketed(series, start, end, period).items()):
            stats = Statistics([ms["Stat"]], start + timedelta(seconds=slot * period))
            stats.metric_data = items
            timestamps.append(stats.timestamp)
            values.append(stats.get_statistics_for_type(ms["Stat"]))
        if scan_by == "TimestampDescending":
            timestamps.reverse()
            values.reverse()
        results.append({"id": q["Id"], "label": q.get("Label") or f"{metric['MetricName']} {ms['Stat']}", "values": values, "timestamps": timestamps, "status_code": "Complete"})
    return results


def get_metric_statistics(self, namespace, metric_name, start_time, end_time, period, stats, dimensions, unit=None):
    start, end = start_time.replace(microsecond=0), end_time.replace(microsecond=0)
    series = _index(self).get(_key(namespace, metric_name, dimensions or []), [])
    out = []
    for slot, items in sorted(_bucketed(series, start, end, period).items()):
        s = Statistics(stats, start + timedelta(seconds=slot * period))
        s.metric_data = items
        s.unit = items[0].unit
        out.append(s)
    return out


def get_filtered_metrics(self, metric_name, namespace, dimensions):
    wanted = {(d["Name"], d.get("Value")) for d in (dimensions or [])}
    out = []
    for (ns, name, dims), series in _index(self).items():
        if (namespace and ns != namespace) or (metric_name and name != metric_name):
            continue
        have = set(dims)
        if all((n, v) in have if v is not None else any(h[0] == n for h in have) for n, v in wanted):
            out.append(series[0])
    return out


Backend.get_metric_data = get_metric_data
Backend.get_metric_statistics = get_metric_statistics
Backend.get_filtered_metrics = get_filtered_metrics

if __name__ == "__main__":
    main(["-H", "127.0.0.1", "-p", sys.argv[1]])
