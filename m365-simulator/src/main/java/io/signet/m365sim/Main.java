package io.signet.m365sim;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone: {@code java -jar m365-simulator.jar [--tenant tenant.json] [--port 9000] [--https-port 9443]}; no
 * --tenant serves the demo, --https-port adds the HTTPS listener (0 picks a free port).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path tenantFile = null;
        int port = 9000;
        Integer httpsPort = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tenant" -> tenantFile = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--https-port" -> httpsPort = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: java -jar m365-simulator.jar [--tenant tenant.json] [--port 9000]"
                            + " [--https-port 9443]");
                    System.exit(2);
                }
            }
        }
        Tenant tenant = tenantFile == null ? Tenant.demo() : Tenant.fromJson(tenantFile);
        M365Simulator simulator = M365Simulator.start(tenant, port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("Microsoft 365 simulator: tenant " + simulator.tenantId() + " (" + tenant.domain() + "), "
                + tenant.users().size() + " users, " + tenant.groups().size() + " groups");
        System.out.println("  authority   " + simulator.baseUrl() + "/" + simulator.tenantId() + "/v2.0");
        System.out.println("  Graph       " + simulator.graphBaseUrl());
        System.out.println("  scenario    " + simulator.baseUrl() + "/_sim");
        if (httpsPort != null) {
            System.out.println("  https       " + simulator.enableHttps(httpsPort) + " (same tenant; self-signed certificate: "
                    + simulator.baseUrl() + "/_sim/certificate.pem)");
        }
        if (tenantFile == null) {
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
