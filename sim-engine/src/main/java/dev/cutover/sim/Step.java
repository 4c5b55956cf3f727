package dev.cutover.sim;

/** An event that runs one step of a model when its time comes. */
public final class Step extends SimEvent {
    private final Runnable action;

    public Step(Runnable action) {
        this.action = action;
    }

    @Override
    protected void fire() {
        action.run();
    }
}
