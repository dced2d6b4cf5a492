// Enough of VS Code's glob syntax to read `files.associations` (`*`, `**`, `?`, `{a,b}`,
// `[...]`): patterns without a slash match the file name, others the whole path.

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      braces++;
      re += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (ch === ',' && braces > 0) re += '|';
    else if (ch === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** Does a `files.associations` key match this path (forward slashes)? */
export function associationMatches(glob: string, filePath: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  if (!glob.includes('/')) return globToRegExp(glob).test(p.slice(p.lastIndexOf('/') + 1));
  return globToRegExp(glob.startsWith('**/') || glob.startsWith('/') ? glob : `**/${glob}`).test(p);
}

/** The file name patterns the language claims in contrib/50-dialplan.json. */
export const DIALPLAN_FILENAME_GLOBS = ['extensions*.conf'];
