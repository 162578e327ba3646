/** A data file's name (as shown in messages) and its text. Knowledge is built from these, never from disk. */
export interface SourceFile {
  file: string;
  text: string;
}
