package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a policy said and asked for while it ran: its {@code kumo.log_*} and {@code print} output, shaping
 * warnings, and how often each recording stub was called. Nothing is printed; the CLI decides what to show.
 */
public final class HarnessLog {

    /** Longest message kept whole; a policy printing megabytes would otherwise fill the heap and the report. */
    static final int MAX_MESSAGE_CHARS = 2000;
    /** Messages kept; later ones are only counted. */
    static final int MAX_MESSAGES = 1000;

    private final List<String> messages = new ArrayList<>();
    private long droppedMessages;
    private final Map<String, Integer> stubCalls = new TreeMap<>();
    private final List<String> stubArguments = new ArrayList<>();
    private final Set<String> lint = new LinkedHashSet<>();
    private final Map<String, String> stubLocations = new TreeMap<>();
    private Supplier<String> location = () -> null;

    /** Records one message, already prefixed with its kind (e.g. {@code log_warn: ...}). */
    void message(String text) {
        if (messages.size() >= MAX_MESSAGES) {
            droppedMessages++;
            return;
        }
        messages.add(text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS)
                + "... (" + (text.length() - MAX_MESSAGE_CHARS) + " more characters)");
    }

    /** Records a call to a stub, its arguments as JSON, and where the first call of each stub was made. */
    void stubCall(String name, String argumentsJson) {
        stubCalls.merge(name, 1, Integer::sum);
        stubArguments.add(name + " " + argumentsJson);
        final String at = location.get();
        if (at != null) {
            stubLocations.putIfAbsent(name, at);
        }
    }

    /** Gives the {@code file:line} of the Lua code running now, for {@link #stubLocation}. */
    void locatedBy(Supplier<String> where) {
        location = where;
    }

    /** @return {@code file:line} of the first call of stub {@code name}, or null when unknown or never called */
    String stubLocation(String name) {
        return stubLocations.get(name);
    }

    /** @return messages in the order they happened, the first {@value #MAX_MESSAGES}, each cut at
     *          {@value #MAX_MESSAGE_CHARS} characters */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** @return how many messages came after the first {@value #MAX_MESSAGES} and were only counted */
    public long droppedMessages() {
        return droppedMessages;
    }

    /** @return stub name (without {@code kumo.}) to number of calls. */
    public Map<String, Integer> stubCalls() {
        return Map.copyOf(stubCalls);
    }

    /** @return each stub call as {@code name [args as JSON]}, in order. */
    public List<String> stubArguments() {
        return List.copyOf(stubArguments);
    }

    /** Records, once, what one of cutover's own helper modules found the policy would get wrong in production. */
    void lint(String finding) {
        lint.add(finding);
    }

    /** @return what the helper modules found, in the order first found */
    List<String> lintFindings() {
        return List.copyOf(lint);
    }
}
