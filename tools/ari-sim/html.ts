// The HTML error pages Asterisk's HTTP server answers outside ARI (and for a bad WS upgrade).
export function htmlError(status: number, title: string, text: string): string {
  return (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n<html><head>\r\n' +
    `<title>${status} ${title}</title>\r\n</head><body>\r\n<h1>${title}</h1>\r\n<p>${text}</p>\r\n` +
    '<hr />\r\n<address>Asterisk/22.10.1</address>\r\n</body></html>\r\n'
  );
}
export const NOT_FOUND_HTML = htmlError(404, 'Not Found', 'The requested URL was not found on this server.');
