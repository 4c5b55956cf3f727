package dev.cutover.kumo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a policy said and asked for while it ran: its {@code kumo.log_*} and {@code print} output, shaping
 * warnings, and how often each recording stub was called. Nothing is printed; the CLI decides what to show.
 */
public final class HarnessLog {

    private final List<String> messages = new ArrayList<>();
    private final Map<String, Integer> stubCalls = new TreeMap<>();
    private final List<String> stubArguments = new ArrayList<>();

    /** Records one message, already prefixed with its kind (e.g. {@code log_warn: ...}). */
    void message(String text) {
        messages.add(text);
    }

    /** Records a call to a stub and its arguments as JSON. */
    void stubCall(String name, String argumentsJson) {
        stubCalls.merge(name, 1, Integer::sum);
        stubArguments.add(name + " " + argumentsJson);
    }

    /** @return messages in the order they happened. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** @return stub name (without {@code kumo.}) to number of calls. */
    public Map<String, Integer> stubCalls() {
        return Map.copyOf(stubCalls);
    }

    /** @return each stub call as {@code name [args as JSON]}, in order. */
    public List<String> stubArguments() {
        return List.copyOf(stubArguments);
    }
}
