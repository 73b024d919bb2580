package io.signet.agent.cli;

import io.signet.agent.server.InvalidAnswerException;
import io.signet.agent.server.SignetRefusedException;
import io.signet.agent.server.SignetUnavailableException;
import io.signet.agent.signin.SignInRefusedException;
import io.signet.agent.signin.SignInRequiredException;
import io.signet.agent.signin.SignInUnavailableException;

/** Turns what stopped a command into its exit code and one readable sentence; never a stack trace. */
final class Failures {

    private Failures() {
    }

    static int report(Exception failure, Output output) {
        int code;
        String kind;
        String message = failure.getMessage();
        if (failure instanceof SignInRequiredException) {
            code = ExitCodes.SIGN_IN_NEEDED;
            kind = "sign-in-needed";
        } else if (failure instanceof SignetRefusedException refused) {
            code = refused.status() == 401 ? ExitCodes.SIGN_IN_NEEDED : ExitCodes.REFUSED;
            kind = refused.type().isEmpty() ? "refused" : refused.type();
            message = "Signet refused: " + message;
        } else if (failure instanceof SignInRefusedException) {
            code = ExitCodes.SIGN_IN_NEEDED;
            kind = "sign-in-refused";
        } else if (failure instanceof SignetUnavailableException || failure instanceof SignInUnavailableException) {
            code = ExitCodes.FAILED;
            kind = "unavailable";
            message = message + " The signatures installed before stay in place.";
        } else if (failure instanceof InvalidAnswerException) {
            code = ExitCodes.FAILED;
            kind = "invalid-answer";
            message = "Signet's answer failed validation, so nothing was installed: " + message;
        } else if (failure instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE;
            kind = "usage";
        } else {
            code = ExitCodes.FAILED;
            kind = "failed";
            message = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        output.failure(code, kind, message);
        return code;
    }
}
