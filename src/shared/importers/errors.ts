/**
 * A file that cannot be imported. The message is one line that names the file and the place, and never
 * quotes the content (it may hold identifiers). Nothing from a file that throws this is imported.
 */
export class ImportError extends Error {
  readonly fileName: string;
  readonly detail: string;

  constructor(fileName: string, detail: string) {
    super(`${fileName}: ${detail}`.replace(/[\r\n]+/g, ' '));
    this.name = 'ImportError';
    this.fileName = fileName;
    this.detail = detail;
  }
}
