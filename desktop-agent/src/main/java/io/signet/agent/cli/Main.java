package io.signet.agent.cli;

/** Placeholder entry point replaced by the picocli command line in this same change. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(2);
    }
}
