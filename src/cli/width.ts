/** Columns a table may use on `stream`: the terminal's width, or 160 when it is a pipe or a file (no width to fit). */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : 160;
}
