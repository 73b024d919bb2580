package io.signet.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who received their current signature through which channel in the last {@code days} days, who received none,
 * which agent versions run, and which problems the agents reported. {@code channels} holds the desktop agent
 * ({@code agent}) and the Outlook add-in ({@code add-in}).
 *
 * @param activeSyncedEmployees active employees from the Microsoft 365 sync: the ones delivery can reach
 */
public record DeliveryReport(Instant generatedAt, Instant since, int days, long activeSyncedEmployees,
        List<Channel> channels, Missing withoutCurrentSignature, List<AgentVersion> agentVersions,
        List<ReportedProblem> problems) {

    /**
     * One delivery channel: how many active synced employees got their current signature through it, how many
     * reported at all, from how many devices (the add-in: distinct employee and client platform), and the clients
     * seen, most employees first.
     */
    public record Channel(String channel, long employeesWithCurrentSignature, long employeesReporting,
            long devicesReporting, List<Client> clients) {
    }

    /**
     * A client that reported through a channel and how many employees use it: the add-in's platform (as Office
     * names it: {@code PC}, {@code OfficeOnline}, {@code Mac}, ...) or the agent's Outlook kind.
     */
    public record Client(String platform, long employees) {
    }

    /** How many active synced employees received no current signature through any channel, and the first of them. */
    public record Missing(long count, List<EmployeeSummary> employees) {
    }

    public record EmployeeSummary(UUID id, String displayName, String email) {
    }

    /** A desktop agent version and the devices that reported with it. */
    public record AgentVersion(String version, long devices) {
    }

    /**
     * A problem code, how many employees reported it, the newest detail and when, and the plain-words explanation
     * of a known code (null otherwise).
     */
    public record ReportedProblem(String code, long employees, String latestDetail, Instant latestAt,
            String explanation) {
    }
}
