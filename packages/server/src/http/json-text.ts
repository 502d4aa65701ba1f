/**
 * A response body already serialized (and validated) once, sent as-is: the directory snapshot is large and
 * the same for every caller until the data changes.
 */
export class JsonText {
  readonly bytes: Buffer;
  /** @param json UTF-8 JSON, kept as it is (not copied) */
  constructor(json: Uint8Array) {
    this.bytes = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  }
}
