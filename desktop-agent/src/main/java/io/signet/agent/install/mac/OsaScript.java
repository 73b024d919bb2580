package io.signet.agent.install.mac;

/** Runs an AppleScript and answers what it returns; a port so tests run without a Mac. */
public interface OsaScript {

    /** The script's result as text (without the trailing line end); throws {@link Failed} when the script fails. */
    String run(String script);

    /** The script did not run or ended in an error (Outlook not scriptable, the user refused automation, ...). */
    final class Failed extends RuntimeException {
        public Failed(String message) {
            super(message);
        }

        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
