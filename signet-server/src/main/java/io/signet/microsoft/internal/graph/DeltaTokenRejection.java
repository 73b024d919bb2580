package io.signet.microsoft.internal.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;

/** Recognises Graph's ways of saying "this delta link is no good; start a full round". */
final class DeltaTokenRejection {

    private DeltaTokenRejection() {
    }

    static boolean is(ApiException e) {
        if (e.getResponseStatusCode() == 410) {
            return true;
        }
        if (e instanceof ODataError error && error.getError() != null && error.getError().getCode() != null) {
            String code = error.getError().getCode();
            return code.equalsIgnoreCase("syncStateNotFound") || code.equalsIgnoreCase("resyncRequired")
                    || code.equalsIgnoreCase("syncStateInvalid");
        }
        return false;
    }
}
