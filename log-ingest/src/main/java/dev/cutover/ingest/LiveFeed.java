package dev.cutover.ingest;

/**
 * Receives the messages of an ingest as it joins them, for a replay that follows live logs. Together the two calls
 * give every message once, in reception order (time, then arrival), the order of the store.
 *
 * <p>A message joins the store's reception order when it is finished and every earlier reception is finished or
 * has stepped out. A message still open {@link ReceptionOrderJoiner#DEFAULT_STRAGGLER_AFTER_MICROS} behind the
 * newest line steps out of that order (see {@link ReceptionOrderJoiner}): the store takes it only when it finishes,
 * which may be days later, so the feed gives it at the moment it steps out, with the attempts logged so far and no
 * final outcome. When it finishes, {@link #finishedLate} gives it whole, so a reader that held it back (and the
 * messages behind it) can replay it complete.
 */
public interface LiveFeed {
    /** @param message the next message in reception order, as stored */
    void inOrder(MessageRecord message);

    /** @param soFar the next message in reception order, a straggler with the attempts logged so far */
    void steppedOut(MessageRecord soFar);

    /**
     * @param whole a message given before through {@link #steppedOut}, now finished (or given up as too old), as
     *              the store keeps it
     */
    default void finishedLate(MessageRecord whole) {
    }
}
