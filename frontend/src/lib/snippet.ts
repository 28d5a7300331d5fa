// Search snippets mark matches as [like this]. They are split into plain parts here and rendered
// as text nodes and <mark> elements, so nothing the educator wrote is ever parsed as HTML.

export interface SnippetPart {
  text: string;
  match: boolean;
}

export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  let i = 0;
  while (i < snippet.length) {
    const open = snippet.indexOf('[', i);
    const close = open < 0 ? -1 : snippet.indexOf(']', open + 1);
    if (open < 0 || close < 0) {
      push(snippet.slice(i), false);
      break;
    }
    push(snippet.slice(i, open), false);
    push(snippet.slice(open + 1, close), true);
    i = close + 1;
  }
  return parts;
}
