package io.signet.audit.internal;


import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Before" of a PUT, PATCH or DELETE: the answer of a GET of the same path, asked in-process through the
 * dispatcher servlet (same handler, same authenticated admin, same organisation) before the change runs. Nothing
 * of it reaches the client: the GET has its own attributes, no body and a detached response. Only a 200 JSON
 * answer counts; a path without a GET (an API token, the consent start) has no "before".
 */
final class BeforeSnapshot {

    private BeforeSnapshot() {
    }

    /** The GET answer's JSON, or null. */
    static byte[] of(Servlet dispatcher, HttpServletRequest request, HttpServletResponse response) {
        GetRequest get = new GetRequest(request);
        DetachedResponse answer = new DetachedResponse(response);
        try {
            dispatcher.service(get, answer);
        } catch (Exception | Error e) {
            return null;
        }
        if (answer.status != 200 || answer.contentType == null || !answer.contentType.contains("json")) {
            return null;
        }
        answer.flush();
        return answer.body.toByteArray();
    }


}
