package dev.cutover.sim;

import java.util.Arrays;

/**
 * One count per calendar minute of virtual time (UTC epoch minutes), from the earliest minute written to the
 * latest. Each minute either sums what is added to it or keeps the largest value offered; the owner chooses.
 * Minutes nothing was written to read 0.
 *
 * <p>Minutes are held in pages of {@value #PAGE} allocated when first written, so a domain that sees a few
 * messages over a week costs a few pages, not a week of minutes.
 */
public final class MinuteSeries {
    /** Microseconds in one minute. */
    public static final long MINUTE_MICROS = 60_000_000L;
    private static final int PAGE_BITS = 5;
    private static final int PAGE = 1 << PAGE_BITS;

    private long firstMinute = Long.MIN_VALUE;
    private long lastMinute = Long.MIN_VALUE;
    private long firstPage;
    private int[][] pages = new int[0][];

    /** @return the epoch minute holding {@code timeMicros} */
    public static long minuteOf(long timeMicros) {
        return Math.floorDiv(timeMicros, MINUTE_MICROS);
    }

    /** Adds {@code count} to the minute holding {@code timeMicros}. */
    public void add(long timeMicros, int count) {
        final long minute = minuteOf(timeMicros);
        final int[] page = page(minute);
        page[(int) (minute & (PAGE - 1))] += count;
    }

    /** Raises {@code minute} to {@code value} when it holds less. */
    public void max(long minute, int value) {
        final int[] page = page(minute);
        final int slot = (int) (minute & (PAGE - 1));
        page[slot] = Math.max(page[slot], value);
    }

    private int[] page(long minute) {
        final long index = minute >> PAGE_BITS;
        if (firstMinute == Long.MIN_VALUE) {
            firstMinute = minute;
            lastMinute = minute;
            firstPage = index;
        }
        firstMinute = Math.min(firstMinute, minute);
        lastMinute = Math.max(lastMinute, minute);
        if (index < firstPage) {
            final int shift = Math.toIntExact(firstPage - index);
            final int[][] moved = new int[pages.length + shift][];
            System.arraycopy(pages, 0, moved, shift, pages.length);
            pages = moved;
            firstPage = index;
        }
        final int at = Math.toIntExact(index - firstPage);
        if (at >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(at + 1, pages.length * 2));
        }
        int[] page = pages[at];
        if (page == null) {
            page = new int[PAGE];
            pages[at] = page;
        }
        return page;
    }

    /** @return the epoch minute of {@code values()[0]}, or Long.MIN_VALUE when nothing was written */
    public long firstMinute() {
        return firstMinute;
    }

    /** @return how many minutes the series spans, from the first written to the last */
    public int length() {
        return firstMinute == Long.MIN_VALUE ? 0 : Math.toIntExact(lastMinute - firstMinute + 1);
    }

    /** @return the value of the {@code index}-th minute from {@link #firstMinute()} */
    public int at(int index) {
        return valueAt(firstMinute + index);
    }

    /** @return the value of epoch minute {@code minute}, 0 outside the series */
    public int valueAt(long minute) {
        if (firstMinute == Long.MIN_VALUE || minute < firstMinute || minute > lastMinute) {
            return 0;
        }
        final int[] page = pages[(int) ((minute >> PAGE_BITS) - firstPage)];
        return page == null ? 0 : page[(int) (minute & (PAGE - 1))];
    }

    /** @return the values, one per minute from {@link #firstMinute()} */
    public int[] values() {
        final int[] values = new int[length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = at(i);
        }
        return values;
    }
}
