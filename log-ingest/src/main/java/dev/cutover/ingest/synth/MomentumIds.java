package dev.cutover.ingest.synth;

/**
 * Message and connection ids in the documented shape {@code HH/HH-NNNNN-HHHHHHHH}: two hex pairs, a
 * 5-digit decimal, 8 hex digits (support.sparkpost.com/momentum/4/log-formats-mainlog).
 *
 * <p>The 8 hex digits are the counter times an odd constant plus a salt, modulo 2^32: a bijection, so
 * the first 4,294,967,296 ids of one generator are all distinct. The hex pairs come from a second mix of
 * the counter (spool buckets need not be unique) and the decimal part is fixed per generator, as a process
 * id would be.
 */
final class MomentumIds {
    private static final long GOLDEN_ODD = 0x9E3779B1L;
    private static final long BUCKET_ODD = 0x85EBCA6BL;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final long salt;
    private final String processNumber;
    private long counter;

    /** @param processNumber 0 to 99,999 */
    MomentumIds(long salt, int processNumber) {
        this.salt = salt;
        this.processNumber = String.format("%05d", processNumber);
    }

    String next() {
        final long mixed = (counter * GOLDEN_ODD + salt) & 0xFFFF_FFFFL;
        final long buckets = (counter++ * BUCKET_ODD + (salt >>> 32)) >>> 7;
        final StringBuilder id = new StringBuilder(20);
        hex(id, buckets >>> 8, 2).append('/');
        hex(id, buckets, 2).append('-').append(processNumber).append('-');
        return hex(id, mixed, 8).toString();
    }

    private static StringBuilder hex(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
        return out;
    }
}
