package dev.cutover.ingest;

import dev.cutover.ingest.ParsedLine.Reception;
import dev.cutover.ingest.ParsedLine.Rejected;
import dev.cutover.ingest.custom.CustomLine;
import dev.cutover.ingest.custom.CustomLineParser;
import dev.cutover.ingest.custom.CustomLogFile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One input of a {@link MergedRead}: a custom log or a mainlog file of one node, read one usable line ahead so
 * that several files can be interleaved by line time. Unusable lines are set aside as they are read; damaged
 * compressed data ends the file as in {@link IngestRun#read}.
 */
final class MergedLogReader implements Closeable {
    private final Path path;
    private final String node;
    private final FileIdentity identity;
    private final int order;
    private final CustomLineParser custom;
    private final MainlogParser mainlog;
    private DecompressionGuard bytes;
    private BoundedLineReader reader;
    private boolean lastLineCut;
    private String headText;
    private long headLineNumber;
    private Reception headReception;
    private ParsedLine headLine;

    private MergedLogReader(Path path, String node, FileIdentity identity, int order, CustomLineParser custom) {
        this.path = path;
        this.node = node;
        this.identity = identity;
        this.order = order;
        this.custom = custom;
        this.mainlog = custom == null ? new MainlogParser() : null;
    }

    /** @param node the node whose message ids the file's lines carry */
    static MergedLogReader custom(CustomLogFile log, String node, FileIdentity identity, int order) {
        final CustomLineParser parser = new CustomLineParser(log.format(), log.stage());
        return new MergedLogReader(log.path(), node, identity, order, parser);
    }

    /** @param order breaks ties between equal line times: the lower order is read first */
    static MergedLogReader mainlog(LogSource source, FileIdentity identity, int order) {
        return new MergedLogReader(source.path(), source.node(), identity, order, null);
    }

    void open(IngestListener listener) {
        listener.fileStarted(path, LogFiles.size(path));
        bytes = LogFiles.openBytes(path);
        reader = LogFiles.lines(bytes);
    }

    /**
     * Reads up to the next usable line, setting aside the others in {@code run}.
     *
     * @return false at the end of the file
     */
    boolean advance(IngestRun run, IngestListener listener) {
        headLine = null;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (take(run, line)) {
                    noteProgress(run, listener);
                    return true;
                }
                noteProgress(run, listener);
            }
        } catch (IOException e) {
            throw LogFiles.unreadable(path, e);
        }
        return false;
    }

    /** Reports damage after the last line and the final progress of this file. */
    void finish(IngestRun run, IngestListener listener) {
        if (bytes.damaged() && !lastLineCut) {
            run.rejectDamage(path, reader.lineNumber() + 1, "");
        }
        listener.progress(path, reader.lineNumber(), run.messagesStored());
    }

    /** Hands the line read ahead to {@code run}. */
    void deliver(IngestRun run) {
        run.accept(node, path, headLineNumber, headText, headReception, headLine);
    }

    long headMicros() {
        return IngestRun.timeOf(headLine);
    }

    int order() {
        return order;
    }

    Path path() {
        return path;
    }

    FileIdentity identity() {
        return identity;
    }

    long lineCount() {
        return reader.lineNumber();
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }

    /** @return true when {@code line} was usable and is now the head */
    private boolean take(IngestRun run, String line) {
        lastLineCut = bytes.damaged() && !reader.endedAtLineBreak();
        final RejectReason preset = lastLineCut ? RejectReason.COMPRESSED_DATA_DAMAGED
                : reader.tooLong() ? RejectReason.LINE_TOO_LONG : null;
        final RejectReason reason = preset != null ? preset : parse(line);
        if (reason != null) {
            run.rejectLine(path, reader.lineNumber(), reason, line);
            return false;
        }
        headText = line;
        headLineNumber = reader.lineNumber();
        return true;
    }

    /** @return why the line is unusable, or null when it is now the head */
    private RejectReason parse(String line) {
        if (custom != null) {
            final CustomLine parsed = custom.parse(line);
            headReception = parsed.reception();
            headLine = parsed.attempt();
            return parsed.rejected();
        }
        final ParsedLine parsed = mainlog.parse(line);
        headReception = null;
        headLine = parsed instanceof Rejected ? null : parsed;
        return parsed instanceof Rejected ? ((Rejected) parsed).reason() : null;
    }

    private void noteProgress(IngestRun run, IngestListener listener) {
        if (reader.lineNumber() % Ingestor.PROGRESS_INTERVAL_LINES == 0) {
            listener.progress(path, reader.lineNumber(), run.messagesStored());
        }
    }
}
