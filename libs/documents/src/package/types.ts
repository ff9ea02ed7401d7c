/** One document of the package: a tjänsteskrivelse, a bilaga, the kallelse. */
export interface PackageDocument {
  /** 'Tjänsteskrivelse Delårsrapport 2026', 'Bilaga 1 Revisionsrapport' */
  title: string;
  /** The file name in the ZIP, without folder: 'tjansteskrivelse.pdf' (the compiler makes names unique and safe). */
  fileName: string;
  pdf: Uint8Array;
}

/** The kallelse part, or one ärende with its documents in order. */
export interface PackagePart {
  /** null for the kallelse/föredragningslista part that comes first; the ärende's number 1…n otherwise. */
  itemNumber: number | null;
  /** 'Kallelse och föredragningslista', or the ärende's title 'Delårsrapport 2026 för socialnämnden'. */
  title: string;
  documents: PackageDocument[];
}

export interface PackageInput {
  /** 'Socialnämnden' */
  committee: string;
  /** 'Nacka kommun' */
  municipality: string;
  /** ISO date of the meeting, 'YYYY-MM-DD' (a full ISO timestamp is cut to its date). */
  meetingDate: string;
  /** Shown on the table of contents, e.g. 'Handlingar till Socialnämndens sammanträde 2026-12-15'. */
  title: string;
  parts: PackagePart[];
  /** When the package is made (the PDF's CreationDate, manifest.json, the ZIP entries' times); now when left out. */
  generatedAt?: Date;
}

/** One document's place in the merged PDF and in the ZIP. */
export interface ManifestEntry {
  itemNumber: number | null;
  itemTitle: string;
  /** The document's title. */
  document: string;
  /** Its path in the ZIP: '02 Åtgärdsplan för äldreomsorgen/tjansteskrivelse.pdf'. */
  file: string;
  pages: number;
  /** Its first page in the merged PDF (1-based; the table of contents counts). */
  firstPage: number;
  /** SHA-256 (hex) of the original bytes, which the ZIP holds unchanged. */
  sha256: string;
}

export interface CompiledPackage {
  pdf: Uint8Array;
  pageCount: number;
  /** The table of contents' pages at the start of the PDF. */
  tocPages: number;
  manifest: ManifestEntry[];
  /** SHA-256 (hex) of `pdf`. */
  sha256: string;
  /** The meeting date, 'YYYY-MM-DD'. */
  meetingDate: string;
  /** 'Handlingar-2026-12-15.pdf': the merged PDF's name in the ZIP. */
  fileName: string;
  /** ISO timestamp, the same in the PDF's metadata and in manifest.json. */
  generatedAt: string;
}
