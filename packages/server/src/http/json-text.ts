/**
 * A response body already serialized (and validated) once, sent as-is: the directory snapshot is large and
 * the same for every caller until the data changes.
 */
export class JsonText {
  readonly bytes: Buffer;
  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
  }
}
