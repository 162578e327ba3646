import * as fs from 'node:fs';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { commonEnds } from '../engine';
import type { FileRead } from '../workspace/boundedRead';
import type { OffsetChange } from './findingStore';
import { pathToUri } from './uris';

/**
 * The open documents, reporting each edit as an offset change (`onChange`) before it is applied, so stored
 * findings can follow the text until the next lint.
 */
export function openDocuments(onChange: (uri: string, change: OffsetChange) => void): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      for (const change of changes) {
        if ('range' in change) {
          const start = document.offsetAt(change.range.start);
          const end = document.offsetAt(change.range.end);
          onChange(document.uri, { start, end, length: change.text.length });
        } else {
          // a whole-text change (editors without incremental sync): what changed lies between the common ends
          const before = document.getText();
          const { prefix, suffix } = commonEnds(before, change.text);
          onChange(document.uri, { start: prefix, end: before.length - suffix, length: change.text.length - prefix - suffix });
        }
        TextDocument.update(document, [change], version);
      }
      return document;
    },
  });
}

/**
 * A reader that gives the open document's (unsaved) text when a file is open, else `fromDisk`'s. A file
 * deleted while open stays open in the editor; it counts as gone, or a deleted `.claimlint.yaml` would keep
 * applying.
 */
export function withOpenText(
  documents: TextDocuments<TextDocument>,
  fromDisk: (file: string) => FileRead<string>,
): (file: string) => FileRead<string> {
  return (file) => {
    const open = documents.get(pathToUri(file));
    return open && fs.existsSync(file) ? { ok: true, value: open.getText() } : fromDisk(file);
  };
}
