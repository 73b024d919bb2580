package io.signet.agent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signet.agent.AgentStatus;
import io.signet.agent.SyncReport;
import io.signet.agent.install.OutlookFound;
import io.signet.agent.install.Problem;
import io.signet.agent.state.AgentState;

/** The words and the JSON of {@code sync} and {@code status} results. */
final class Reports {

    private Reports() {
    }

    static List<String> lines(SyncReport report) {
        List<String> lines = new ArrayList<>();
        lines.add((report.fresh() ? "Installed version " : "Unchanged since version ") + report.signaturesVersion()
                + (report.install().changes().isEmpty() ? ": nothing to write." : ":"));
        report.install().changes().forEach(change -> lines.add("  " + change));
        report.install().installed().forEach(i -> lines.add("Signature for " + i.type().code() + " messages: " + i.name()));
        report.install().problems().forEach(p -> lines.add("Problem (" + p.code() + "): " + p.detail()));
        if (report.checkInError() != null) {
            lines.add("The report to Signet failed and is sent with the next sync: " + report.checkInError());
        }
        return lines;
    }

    static Map<String, Object> document(SyncReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("ok", true);
        document.put("signaturesVersion", report.signaturesVersion());
        document.put("fresh", report.fresh());
        document.put("changes", report.install().changes());
        document.put("installed", report.install().installed().stream().map(i -> Map.of("type", i.type().code(),
                "name", i.name(), "version", i.version())).toList());
        document.put("problems", problems(report.install().problems()));
        document.put("outlook", outlook(report.install().found()));
        document.put("current", report.current());
        document.put("checkInError", report.checkInError());
        return document;
    }

    static List<String> lines(AgentStatus status) {
        AgentState state = status.state();
        OutlookFound outlook = status.outlook();
        List<String> lines = new ArrayList<>();
        lines.add("Agent:        " + status.host().agentVersion() + " on " + status.host().os() + " ("
                + status.host().device() + ")" + (status.host().systemAccount() ? ", running as SYSTEM (not supported)" : ""));
        lines.add("Signet:       " + status.server());
        lines.add("Sign-in:      " + status.signedIn());
        lines.add("Outlook:      " + outlook.kind() + (outlook.version() == null ? "" : " " + outlook.version()));
        lines.add("Signatures:   " + (outlook.signatureFolder() == null ? "-" : outlook.signatureFolder()));
        lines.add("Accounts:     " + (outlook.accounts().isEmpty() ? "none found" : String.join(", ", outlook.accounts()))
                + (outlook.matchedAccounts().isEmpty() ? "" : " (yours: " + String.join(", ", outlook.matchedAccounts()) + ")"));
        lines.add("Roaming:      " + outlook.roaming());
        lines.add("Settings:     " + status.settings());
        status.installed().forEach(s -> lines.add("Installed:    " + s.type().code() + ": " + s.name() + " (" + s.version() + ")"));
        lines.add("Last sync:    " + (state.lastAttempt() == null ? "never" : state.lastAttempt())
                + (state.lastSuccess() == null ? "" : "; last success " + state.lastSuccess()));
        lines.add("Last report:  " + (state.lastCheckIn() == null ? "never" : state.lastCheckIn()
                + (Boolean.TRUE.equals(state.current()) ? " (current signature)" : " (not the current signature)")));
        lines.add("Last error:   " + (state.lastError() == null ? "none" : state.lastError()));
        outlook.problems().forEach(p -> lines.add("Problem (" + p.code() + "): " + p.detail()));
        return lines;
    }

    static Map<String, Object> document(AgentStatus status) {
        AgentState state = status.state();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("ok", state.lastSuccess() != null && state.lastError() == null);
        document.put("agentVersion", status.host().agentVersion());
        document.put("os", status.host().os());
        document.put("device", status.host().device());
        document.put("systemAccount", status.host().systemAccount());
        document.put("server", status.server());
        document.put("signIn", status.signedIn());
        document.put("outlook", outlook(status.outlook()));
        document.put("settings", status.settings());
        document.put("installed", status.installed().stream().map(s -> Map.of("type", s.type().code(), "name", s.name(),
                "version", s.version())).toList());
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("attempt", string(state.lastAttempt()));
        last.put("success", string(state.lastSuccess()));
        last.put("error", state.lastError());
        last.put("signaturesVersion", state.signaturesVersion());
        last.put("checkIn", string(state.lastCheckIn()));
        last.put("current", state.current());
        last.put("failuresInARow", state.failuresInARow());
        document.put("lastSync", last);
        return document;
    }

    static List<Map<String, String>> problems(List<Problem> problems) {
        return problems.stream().map(p -> Map.of("code", p.code(), "detail", p.detail())).toList();
    }

    private static Map<String, Object> outlook(OutlookFound found) {
        Map<String, Object> outlook = new LinkedHashMap<>();
        outlook.put("kind", found.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        outlook.put("version", found.version());
        outlook.put("signatureFolder", found.signatureFolder());
        outlook.put("accounts", found.accounts());
        outlook.put("matchedAccounts", found.matchedAccounts());
        outlook.put("roaming", found.roaming().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        outlook.put("problems", problems(found.problems()));
        return outlook;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
