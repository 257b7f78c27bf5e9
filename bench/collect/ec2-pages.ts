/**
 * DescribeInstances in pages, as AWS sends them: moto answers every call with every instance whatever
 * MaxResults says; the replay serves `max` instances a page from that answer, with a nextToken while
 * more remain. A reservation whose instances straddle a page boundary appears on both pages with its
 * own part of the instances, as in AWS. The XML is moto's (EC2 query protocol), sliced, not re-rendered.
 */
interface ParsedAnswer {
  head: string;
  tail: string;
  reservations: { open: string; close: string; instances: string[] }[];
}

const parsed = new Map<string, ParsedAnswer>();

export function pageDescribeInstances(xml: string, max: number, nextToken: string | undefined): string {
  let answer = parsed.get(xml);
  if (!answer) parsed.set(xml, (answer = parse(xml)));
  const offset = nextToken === undefined ? 0 : Number(/^replay-(\d+)$/.exec(nextToken)?.[1] ?? Number.NaN);
  if (!Number.isInteger(offset) || !(max >= 1)) throw new Error(`DescribeInstances replay: bad NextToken ${String(nextToken)} or MaxResults ${String(max)}`);
  const parts: string[] = [];
  let seen = 0;
  let total = 0;
  for (const r of answer.reservations) {
    const from = Math.max(0, offset - seen);
    const to = Math.min(r.instances.length, offset + max - seen);
    if (from < to) parts.push(r.open, ...r.instances.slice(from, to), r.close);
    seen += r.instances.length;
    total += r.instances.length;
  }
  const token = offset + max < total ? `<nextToken>replay-${String(offset + max)}</nextToken>` : '';
  return `${answer.head}<reservationSet>${parts.join('')}</reservationSet>${token}${answer.tail}`;
}

function parse(xml: string): ParsedAnswer {
  const open = xml.indexOf('<reservationSet>');
  const close = xml.lastIndexOf('</reservationSet>');
  if (open < 0 || close < 0) {
    const empty = xml.indexOf('<reservationSet/>');
    if (empty < 0) throw new Error('DescribeInstances replay: no reservationSet in the recorded answer');
    return { head: xml.slice(0, empty), tail: xml.slice(empty + '<reservationSet/>'.length), reservations: [] };
  }
  const reservations = items(xml, open + '<reservationSet>'.length, close).map(([start, end]) => {
    const setOpen = xml.indexOf('<instancesSet>', start);
    const setClose = xml.lastIndexOf('</instancesSet>', end);
    if (setOpen < 0 || setOpen > end || setClose < setOpen) return { open: xml.slice(start, end), close: '', instances: [] };
    const inner = setOpen + '<instancesSet>'.length;
    return {
      open: xml.slice(start, inner),
      close: xml.slice(setClose, end),
      instances: items(xml, inner, setClose).map(([s, e]) => xml.slice(s, e)),
    };
  });
  return { head: xml.slice(0, open), tail: xml.slice(close + '</reservationSet>'.length), reservations };
}

/** [start, end) of each `<item>…</item>` directly inside xml[from, to); nested items are skipped by depth. */
function items(xml: string, from: number, to: number): [number, number][] {
  const found: [number, number][] = [];
  const tag = /<item>|<\/item>/g;
  tag.lastIndex = from;
  let depth = 0;
  let start = -1;
  for (let m = tag.exec(xml); m && m.index < to; m = tag.exec(xml)) {
    if (m[0] === '<item>') {
      if (depth === 0) start = m.index;
      depth += 1;
    } else {
      depth -= 1;
      if (depth === 0) found.push([start, m.index + m[0].length]);
    }
  }
  return found;
}
