package io.signet.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.signet.delivery.DeliveryReport.AgentVersion;
import io.signet.delivery.DeliveryReport.Channel;
import io.signet.delivery.DeliveryReport.EmployeeSummary;
import io.signet.delivery.DeliveryReport.Missing;
import io.signet.delivery.DeliveryReport.ReportedProblem;
import io.signet.delivery.internal.AgentCheckInRepository;
import io.signet.delivery.internal.DailyDeliveryRepository;
import io.signet.delivery.internal.ServedSignatures;
import io.signet.directory.Employee;
import io.signet.directory.EmployeePage;
import io.signet.directory.EmployeeQuery;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.Employees;

/**
 * Builds the {@link DeliveryReport} of the last seven days. An employee received their current signature through
 * the agent when one of their devices checked in within that time with the versions Signet serves at report time;
 * through the add-in when their latest add-in delivery of their own signature carries the version served now.
 */
@Service
public class DeliveryReports {

    public static final int DAYS = 7;
    /** How many of the employees without a current signature the report names. */
    public static final int MISSING_LISTED = 50;

    /** The add-in's channel name, in reports and in the stored deliveries. */
    public static final String ADDIN = "add-in";

    private final AgentCheckInRepository checkIns;
    private final DailyDeliveryRepository deliveries;
    private final ServedSignatures served;
    private final Employees employees;
    private final Clock clock;

    DeliveryReports(AgentCheckInRepository checkIns, DailyDeliveryRepository deliveries, ServedSignatures served,
            Employees employees, Clock clock) {
        this.checkIns = checkIns;
        this.deliveries = deliveries;
        this.served = served;
        this.employees = employees;
        this.clock = clock;
    }

    public DeliveryReport report(UUID orgId) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(DAYS));
        Function<UUID, Map<String, String>> versions = served.versionsOnce(orgId);
        Map<UUID, Boolean> deliverable = new HashMap<>();
        Predicate<UUID> canDeliver = id -> deliverable.computeIfAbsent(id, e -> deliverable(employees.get(orgId, e)));
        List<AgentCheckIn> recent = checkIns.since(orgId, since);
        List<AddinDelivery> addin = deliveries.since(orgId, ADDIN, since);
        Set<UUID> byAgent = reachedByAgent(recent, versions, canDeliver);
        Set<UUID> byAddin = reachedByAddin(addin, versions, canDeliver);
        Set<UUID> reached = new HashSet<>(byAgent);
        reached.addAll(byAddin);
        long activeSynced = activeSynced(orgId, 0, 1).totalItems();
        Channel agent = new Channel("agent", byAgent.size(), recent.stream().map(c -> c.employee().id()).distinct().count(),
                recent.size(), clients(recent.stream().map(c -> Map.entry(c.outlookKind(), c.employee().id())).toList()));
        Channel addinChannel = new Channel(ADDIN, byAddin.size(),
                addin.stream().map(AddinDelivery::employeeId).distinct().count(),
                addin.stream().map(d -> d.employeeId() + "|" + d.clientPlatform()).distinct().count(),
                clients(addin.stream().map(d -> Map.entry(d.clientPlatform(), d.employeeId())).toList()));
        return new DeliveryReport(now, since, DAYS, activeSynced, List.of(agent, addinChannel),
                new Missing(activeSynced - reached.size(), firstMissing(orgId, reached)), versions(recent),
                problems(recent));
    }

    /** Active synced employees with a device whose installed versions are those served now. */
    private static Set<UUID> reachedByAgent(List<AgentCheckIn> recent, Function<UUID, Map<String, String>> versions,
            Predicate<UUID> canDeliver) {
        Set<UUID> reached = new HashSet<>();
        for (AgentCheckIn checkIn : recent) {
            UUID id = checkIn.employee().id();
            if (!reached.contains(id) && ServedSignatures.isCurrent(checkIn.installed(), versions.apply(id))
                    && canDeliver.test(id)) {
                reached.add(id);
            }
        }
        return reached;
    }

    /**
     * Active synced employees whose latest add-in delivery of their own signature (no From address, or one of
     * theirs) carries the version served now for its type and From address. Shared mailboxes' signatures are
     * not the employee's and do not count.
     */
    private static Set<UUID> reachedByAddin(List<AddinDelivery> recent, Function<UUID, Map<String, String>> versions,
            Predicate<UUID> canDeliver) {
        Map<UUID, AddinDelivery> latest = new LinkedHashMap<>();
        recent.stream().filter(d -> "none".equals(d.fromKind()) || "own".equals(d.fromKind()))
                .forEach(d -> latest.putIfAbsent(d.employeeId(), d));
        Set<UUID> reached = new HashSet<>();
        latest.forEach((id, d) -> {
            String base = versions.apply(id).get(d.type());
            String expected = base == null ? null
                    : d.fromAddress() == null ? base : ServedSignatures.fromVersion("own", d.fromAddress(), base);
            if (d.signatureVersion().equals(expected) && canDeliver.test(id)) {
                reached.add(id);
            }
        });
        return reached;
    }

    /** Platform to the number of distinct employees using it, most first. */
    private static List<DeliveryReport.Client> clients(List<Map.Entry<String, UUID>> uses) {
        return uses.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                Collectors.mapping(Map.Entry::getValue, Collectors.toSet())))
                .entrySet().stream().map(e -> new DeliveryReport.Client(e.getKey(), e.getValue().size()))
                .sorted(Comparator.comparingLong(DeliveryReport.Client::employees).reversed()
                        .thenComparing(DeliveryReport.Client::platform))
                .toList();
    }

    private static boolean deliverable(Employee employee) {
        return employee.source() == EmployeeSource.MICROSOFT365 && employee.status() == EmployeeStatus.ACTIVE;
    }

    private List<EmployeeSummary> firstMissing(UUID orgId, Set<UUID> reached) {
        List<EmployeeSummary> missing = new ArrayList<>();
        for (int page = 0; missing.size() < MISSING_LISTED; page++) {
            EmployeePage employeesPage = activeSynced(orgId, page, 200);
            employeesPage.items().stream().filter(e -> !reached.contains(e.id())).limit(MISSING_LISTED - missing.size())
                    .forEach(e -> missing.add(new EmployeeSummary(e.id(), e.data().displayName(), e.data().email())));
            if (page + 1 >= employeesPage.totalPages()) {
                break;
            }
        }
        return missing;
    }

    private EmployeePage activeSynced(UUID orgId, int page, int size) {
        return employees.search(orgId, new EmployeeQuery(null, null, EmployeeSource.MICROSOFT365, EmployeeStatus.ACTIVE,
                EmployeeQuery.SortField.DISPLAY_NAME, false, page, size));
    }

    private static List<AgentVersion> versions(List<AgentCheckIn> recent) {
        return recent.stream().collect(Collectors.groupingBy(AgentCheckIn::agentVersion, Collectors.counting()))
                .entrySet().stream().map(e -> new AgentVersion(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(AgentVersion::devices).reversed().thenComparing(AgentVersion::version))
                .toList();
    }

    /** Each code with the employees who reported it and its newest detail ({@code recent} is newest first). */
    private static List<ReportedProblem> problems(List<AgentCheckIn> recent) {
        Map<String, Set<UUID>> reporters = new LinkedHashMap<>();
        Map<String, AgentCheckIn> newest = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (AgentCheckIn checkIn : recent) {
            for (AgentCheckIn.Problem problem : checkIn.problems()) {
                reporters.computeIfAbsent(problem.code(), code -> new HashSet<>()).add(checkIn.employee().id());
                if (newest.putIfAbsent(problem.code(), checkIn) == null) {
                    details.put(problem.code(), problem.detail());
                }
            }
        }
        return reporters.entrySet().stream()
                .map(e -> new ReportedProblem(e.getKey(), e.getValue().size(), details.get(e.getKey()),
                        newest.get(e.getKey()).receivedAt(), AgentProblemCodes.explain(e.getKey()).orElse(null)))
                .sorted(Comparator.comparingLong(ReportedProblem::employees).reversed()
                        .thenComparing(ReportedProblem::code))
                .toList();
    }
}
