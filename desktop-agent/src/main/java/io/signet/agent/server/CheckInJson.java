package io.signet.agent.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The check-in as the JSON Signet reads: nested {@code outlook}, lists of maps, nulls kept. */
final class CheckInJson {

    private CheckInJson() {
    }

    static Map<String, Object> of(CheckIn checkIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device", checkIn.device());
        body.put("agentVersion", checkIn.agentVersion());
        body.put("os", checkIn.os());
        Map<String, Object> outlook = new LinkedHashMap<>();
        outlook.put("kind", checkIn.outlookKind());
        outlook.put("version", checkIn.outlookVersion());
        body.put("outlook", outlook);
        body.put("roaming", checkIn.roaming());
        body.put("signaturesVersion", checkIn.signaturesVersion());
        List<Map<String, Object>> installed = checkIn.installed().stream()
                .map(i -> Map.<String, Object>of("type", i.type(), "name", i.name(), "version", i.version())).toList();
        body.put("installed", installed);
        body.put("problems", checkIn.problems().stream()
                .map(p -> Map.<String, Object>of("code", p.code(), "detail", p.detail())).toList());
        body.put("lastError", checkIn.lastError());
        return body;
    }
}
