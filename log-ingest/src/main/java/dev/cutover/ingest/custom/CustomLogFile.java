package dev.cutover.ingest.custom;

import java.nio.file.Path;

/**
 * One file written by a {@code custom_logger} stage, with the format string that stage was configured with
 * (support.sparkpost.com/momentum/4/modules/custom-logger).
 *
 * @param path   the log file (plain, gzip or bzip2)
 * @param stage  the stage whose {@code *_logfile} it is
 * @param format the stage's {@code *_format}
 */
public record CustomLogFile(Path path, CustomLogStage stage, CustomLogFormat format) {
}
