/** Model paths are written as `a.b[2].c`; these convert between that string and key arrays. */
export type PathKey = string | number;

export function pathToString(keys: readonly PathKey[]): string {
  let out = "";
  for (const k of keys) {
    if (typeof k === "number") out += `[${k}]`;
    else out += out === "" ? k : `.${k}`;
  }
  return out;
}

export function parsePath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[2] !== undefined) keys.push(Number(m[2]));
    else if (m[1] !== undefined) keys.push(m[1]);
  }
  return keys;
}
