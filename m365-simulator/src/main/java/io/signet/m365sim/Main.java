package io.signet.m365sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone: {@code java -jar m365-simulator.jar [--tenant tenant.json]... [--port 9000] [--https-port 9443]
 * [--graph-latency-ms 300]}; no --tenant serves the demo, each further --tenant adds a tenant beside the first,
 * --https-port adds the HTTPS listener (0 picks a free port), --graph-latency-ms delays every Graph answer.
 */
public final class Main {
    private static final String USAGE = "usage: java -jar m365-simulator.jar [--tenant tenant.json]... [--port 9000]"
            + " [--https-port 9443] [--graph-latency-ms 300]";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<Path> tenantFiles = new ArrayList<>();
        int port = 9000;
        Integer httpsPort = null;
        long latencyMillis = 0;
        List<String> words = new ArrayList<>();
        for (String arg : args) { // --name=value is read as --name value
            int eq = arg.indexOf('=');
            words.addAll(arg.startsWith("--") && eq > 0 ? List.of(arg.substring(0, eq), arg.substring(eq + 1)) : List.of(arg));
        }
        try {
            for (int i = 0; i < words.size(); i++) {
                switch (words.get(i)) {
                    case "--tenant" -> tenantFiles.add(Path.of(words.get(++i)));
                    case "--port" -> port = Integer.parseInt(words.get(++i));
                    case "--https-port" -> httpsPort = Integer.parseInt(words.get(++i));
                    case "--graph-latency-ms" -> latencyMillis = Long.parseLong(words.get(++i));
                    default -> throw new IllegalArgumentException(words.get(i));
                }
            }
            if (latencyMillis < 0) {
                throw new IllegalArgumentException("--graph-latency-ms");
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Tenant tenant = tenantFiles.isEmpty() ? Tenant.demo() : Tenant.fromJson(tenantFiles.get(0));
        M365Simulator simulator = M365Simulator.start(tenant, port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        simulator.setGraphLatency(Duration.ofMillis(latencyMillis));
        System.out.println("Microsoft 365 simulator: tenant " + simulator.tenantId() + " (" + tenant.domain() + "), "
                + tenant.users().size() + " users, " + tenant.groups().size() + " groups");
        for (Path file : tenantFiles.subList(Math.min(1, tenantFiles.size()), tenantFiles.size())) {
            Tenant more = Tenant.fromJson(file);
            simulator.addTenant(more);
            System.out.println("  and tenant " + more.id() + " (" + more.domain() + "), " + more.users().size() + " users, "
                    + more.groups().size() + " groups");
        }
        System.out.println("  authority   " + simulator.baseUrl() + "/" + simulator.tenantId() + "/v2.0");
        System.out.println("  Graph       " + simulator.graphBaseUrl()
                + (latencyMillis > 0 ? " (each answer " + latencyMillis + " ms late)" : ""));
        System.out.println("  scenario    " + simulator.baseUrl() + "/_sim");
        if (httpsPort != null) {
            System.out.println("  https       " + simulator.enableHttps(httpsPort) + " (same tenants; self-signed certificate: "
                    + simulator.baseUrl() + "/_sim/certificate.pem)");
        }
        if (tenantFiles.isEmpty()) {
            System.out.println("  sign in     " + simulator.baseUrl() + "/" + simulator.tenantId()
                    + "/oauth2/v2.0/authorize?client_id=" + M365Simulator.DEMO_CLIENT_ID + "&response_type=code"
                    + "&redirect_uri=" + simulator.baseUrl() + "/_sim/callback&scope=User.Read.All%20Group.Read.All"
                    + "%20offline_access&state=demo");
            System.out.println("  admin       " + M365Simulator.DEMO_ADMIN_USERNAME + " / " + M365Simulator.DEMO_ADMIN_PASSWORD);
            System.out.println("  member      " + M365Simulator.DEMO_MEMBER_USERNAME + " / " + M365Simulator.DEMO_MEMBER_PASSWORD);
        }
        new CountDownLatch(1).await();
    }
}
