import { strToU8, zipSync, type Zippable } from 'fflate';
import { bytesOf, sha256 } from './compile';
import type { CompiledPackage, ManifestEntry, PackageInput } from './types';

/** manifest.json in the ZIP. */
export interface PackageManifest {
  title: string;
  committee: string;
  municipality: string;
  meetingDate: string;
  generatedAt: string;
  package: { file: string; pages: number; tocPages: number; sha256: string };
  documents: ManifestEntry[];
}

export const MANIFEST_FILE = 'manifest.json';

/** See package.ts. */
export function zipPackage(input: PackageInput, compiled: CompiledPackage): Uint8Array {
  const documents = input.parts.flatMap((part) => part.documents);
  if (documents.length !== compiled.manifest.length) {
    throw new Error(`ZIP-filen kan inte skapas: paketet sammanställdes av ${compiled.manifest.length} dokument, nu är de ${documents.length}.`);
  }
  const mtime = new Date(compiled.generatedAt);
  // The PDFs are stored as they are: they are compressed already and the originals stay byte for byte.
  const files: Zippable = {};
  documents.forEach((doc, i) => {
    const entry = compiled.manifest[i];
    const bytes = ArrayBuffer.isView(doc.pdf) ? bytesOf(doc.pdf) : new Uint8Array(0);
    if (sha256(bytes) !== entry.sha256) throw new Error(`ZIP-filen kan inte skapas: dokumentet "${doc.title}" har ändrats sedan paketet sammanställdes.`);
    files[entry.file] = [bytes, { level: 0, mtime }];
  });
  files[compiled.fileName] = [bytesOf(compiled.pdf), { level: 0, mtime }];
  const manifest: PackageManifest = {
    title: input.title,
    committee: input.committee,
    municipality: input.municipality,
    meetingDate: compiled.meetingDate,
    generatedAt: compiled.generatedAt,
    package: { file: compiled.fileName, pages: compiled.pageCount, tocPages: compiled.tocPages, sha256: compiled.sha256 },
    documents: compiled.manifest,
  };
  files[MANIFEST_FILE] = [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6, mtime }];
  return zipSync(files);
}
