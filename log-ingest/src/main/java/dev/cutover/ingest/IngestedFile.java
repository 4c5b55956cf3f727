package dev.cutover.ingest;

/**
 * An input file that a traffic store holds.
 *
 * @param identity  the file's content identity
 * @param fileName  the file's name when it was ingested (informative only; tabs and line breaks replaced)
 * @param lineCount lines read from the file, &ge; 0
 */
public record IngestedFile(FileIdentity identity, String fileName, long lineCount) {
}
